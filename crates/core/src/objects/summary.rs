//! What the details pane says of an object's ACL: its owner, whether anyone on the internet may
//! read or write it, and how many grants it has. The ACL is read by the bucket settings' own
//! reader ([`acl::get`]) and public write is judged by its checks ([`acl::check`]): one rule,
//! in one place.

use crate::buckets::config::acl::{self, AccessControlPolicy, AclChange, AclTarget, Owner, Permission};
use crate::error::Result;
use crate::validation::ProblemCode;
use serde::{Deserialize, Serialize};
use specta::Type;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct AclSummary {
    pub owner: Owner,
    /// Everyone (AllUsers) may read the object: READ or FULL_CONTROL.
    pub public_read: bool,
    /// Everyone may write (or rewrite the ACL): WRITE, WRITE_ACP or FULL_CONTROL.
    pub public_write: bool,
    /// Any signed-in user of the server (AuthenticatedUsers) has a grant.
    pub authenticated_users: bool,
    /// All grants, the owner's own included.
    pub grants: u32,
    /// Grants to anyone but the owner.
    pub others: u32,
}

pub fn summarize_acl(policy: &AccessControlPolicy) -> AclSummary {
    let group = |uri: &'static str| {
        policy.grants.iter().filter(move |g| g.grantee.uri.as_deref() == Some(uri)).map(|g| g.permission)
    };
    let public_read = group(acl::ALL_USERS).any(|p| matches!(p, Permission::Read | Permission::FullControl));
    let public_write =
        acl::check(&AclChange::Policy(policy.clone())).iter().any(|p| p.code == ProblemCode::PublicWrite);
    let others = policy
        .grants
        .iter()
        .filter(|g| g.grantee.id.as_deref() != Some(policy.owner.id.as_str()) || policy.owner.id.is_empty())
        .count();
    AclSummary {
        owner: policy.owner.clone(),
        public_read,
        public_write,
        authenticated_users: group(acl::AUTHENTICATED_USERS).next().is_some(),
        grants: u32::try_from(policy.grants.len()).unwrap_or(u32::MAX),
        others: u32::try_from(others).unwrap_or(u32::MAX),
    }
}

/// The ACL summary of an object (of `version_id` when given). A user who may not read the ACL
/// gets `AccessDenied`, which the pane says in words.
pub async fn object_acl_summary(
    s3: &aws_sdk_s3::Client,
    bucket: &str,
    key: &str,
    version_id: Option<&str>,
) -> Result<AclSummary> {
    super::validate_key(key)?;
    let target = AclTarget {
        bucket: bucket.to_owned(),
        key: Some(key.to_owned()),
        version_id: version_id.map(str::to_owned),
    };
    Ok(summarize_acl(&acl::get(s3, &target).await?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::buckets::config::acl::{Grant, Grantee, GranteeType};

    fn grant(kind: GranteeType, who: &str, permission: Permission) -> Grant {
        let (id, uri) = match kind {
            GranteeType::Group => (None, Some(who.to_owned())),
            _ => (Some(who.to_owned()), None),
        };
        Grant { grantee: Grantee { kind, id, display_name: None, email_address: None, uri }, permission }
    }

    #[test]
    fn public_grants_and_others_are_counted() {
        let owner = Owner { id: "me".into(), display_name: Some("Me".into()) };
        let private = AccessControlPolicy {
            owner: owner.clone(),
            grants: vec![grant(GranteeType::CanonicalUser, "me", Permission::FullControl)],
        };
        let s = summarize_acl(&private);
        assert_eq!((s.public_read, s.public_write, s.grants, s.others), (false, false, 1, 0));

        let shared = AccessControlPolicy {
            owner,
            grants: vec![
                grant(GranteeType::CanonicalUser, "me", Permission::FullControl),
                grant(GranteeType::Group, acl::ALL_USERS, Permission::Read),
                grant(GranteeType::Group, acl::ALL_USERS, Permission::WriteAcp),
                grant(GranteeType::Group, acl::AUTHENTICATED_USERS, Permission::Read),
                grant(GranteeType::CanonicalUser, "other", Permission::ReadAcp),
            ],
        };
        let s = summarize_acl(&shared);
        assert!(s.public_read && s.public_write && s.authenticated_users);
        assert_eq!((s.grants, s.others), (5, 4));
    }
}

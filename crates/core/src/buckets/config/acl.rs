//! Access control lists of a bucket (`?acl`) and of an object or one of its versions. Three
//! exclusive ways to set one: a canned ACL, or a whole policy (owner + grants). Every way
//! **replaces** the whole list, the owner's own grant included: the checks flag a list that
//! takes FULL_CONTROL from the owner, or lets anyone write, so the UI asks before sending.
//!
//! Serialized in boto3's shape (`{"Owner": …, "Grants": [{"Grantee": …, "Permission": …}]}`),
//! also the expert view.

use super::{read_error, write_error, SubResource};
use crate::buckets::CannedAcl;
use crate::error::{AppError, ErrorCode, Result};
use crate::validation::{refuse_if_blocking, Problem, ProblemCode, Problems};
use aws_sdk_s3::types as sdk;
use serde::{Deserialize, Serialize};
use specta::Type;

pub const ALL_USERS: &str = "http://acs.amazonaws.com/groups/global/AllUsers";
pub const AUTHENTICATED_USERS: &str = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";
const KNOWN_GROUPS: [&str; 3] =
    [ALL_USERS, AUTHENTICATED_USERS, "http://acs.amazonaws.com/groups/s3/LogDelivery"];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
pub enum GranteeType {
    CanonicalUser,
    AmazonCustomerByEmail,
    Group,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Type)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Permission {
    FullControl,
    Write,
    WriteAcp,
    Read,
    ReadAcp,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct Owner {
    #[serde(rename = "ID")]
    pub id: String,
    #[serde(default)]
    pub display_name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct Grantee {
    #[serde(rename = "Type")]
    pub kind: GranteeType,
    #[serde(rename = "ID", default)]
    pub id: Option<String>,
    #[serde(default)]
    pub display_name: Option<String>,
    #[serde(default)]
    pub email_address: Option<String>,
    #[serde(rename = "URI", default)]
    pub uri: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct Grant {
    pub grantee: Grantee,
    pub permission: Permission,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct AccessControlPolicy {
    pub owner: Owner,
    pub grants: Vec<Grant>,
}

/// What a PUT sets: a canned ACL, or the whole list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(tag = "kind", content = "value", rename_all = "camelCase")]
pub enum AclChange {
    Canned(CannedAcl),
    Policy(AccessControlPolicy),
}

/// An object (of one version when `version_id` is set) or, with `key: None`, the bucket.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct AclTarget {
    pub bucket: String,
    pub key: Option<String>,
    pub version_id: Option<String>,
}

fn grants_public_write(grant: &Grant) -> bool {
    grant.grantee.kind == GranteeType::Group
        && grant.grantee.uri.as_deref() == Some(ALL_USERS)
        && matches!(grant.permission, Permission::Write | Permission::FullControl | Permission::WriteAcp)
}

pub fn check(change: &AclChange) -> Vec<Problem> {
    let mut p = Problems::default();
    let policy = match change {
        AclChange::Canned(CannedAcl::PublicReadWrite) => {
            p.push(Problem::new("ACL", ProblemCode::PublicWrite));
            return p.into_vec();
        }
        AclChange::Canned(_) => return p.into_vec(),
        AclChange::Policy(policy) => policy,
    };
    p.required("Owner.ID", &policy.owner.id);
    for (i, grant) in policy.grants.iter().enumerate() {
        let field = |name: &str| format!("Grants[{i}].Grantee.{name}");
        let g = &grant.grantee;
        match g.kind {
            GranteeType::CanonicalUser => p.required(field("ID"), g.id.as_deref().unwrap_or_default()),
            GranteeType::AmazonCustomerByEmail => {
                let email = g.email_address.as_deref().unwrap_or_default();
                p.required(field("EmailAddress"), email);
                if !email.is_empty() && !email.contains('@') {
                    p.push(
                        Problem::new(field("EmailAddress"), ProblemCode::Malformed).detail(email.to_owned()),
                    );
                }
            }
            GranteeType::Group => match g.uri.as_deref() {
                None | Some("") => p.push(Problem::new(field("URI"), ProblemCode::Required)),
                Some(uri) if !KNOWN_GROUPS.contains(&uri) => {
                    p.push(Problem::new(field("URI"), ProblemCode::NotAllowed).detail(uri.to_owned()))
                }
                Some(_) => {}
            },
        }
        let duplicate = policy.grants[..i].iter().any(|other| other == grant);
        if duplicate {
            p.push(Problem::new(format!("Grants[{i}]"), ProblemCode::Duplicate));
        }
        if grants_public_write(grant) {
            p.push(Problem::new(format!("Grants[{i}].Permission"), ProblemCode::PublicWrite));
        }
    }
    let owner_keeps_full_control = policy.grants.iter().any(|g| {
        g.permission == Permission::FullControl
            && g.grantee.kind == GranteeType::CanonicalUser
            && g.grantee.id.as_deref() == Some(policy.owner.id.as_str())
    });
    if !policy.owner.id.is_empty() && !owner_keeps_full_control {
        p.push(Problem::new("Grants", ProblemCode::OwnerLosesFullControl).detail(policy.owner.id.clone()));
    }
    p.into_vec()
}

fn permission_from_sdk(p: Option<&sdk::Permission>) -> Result<Permission> {
    Ok(match p {
        Some(sdk::Permission::FullControl) => Permission::FullControl,
        Some(sdk::Permission::Write) => Permission::Write,
        Some(sdk::Permission::WriteAcp) => Permission::WriteAcp,
        Some(sdk::Permission::Read) => Permission::Read,
        Some(sdk::Permission::ReadAcp) => Permission::ReadAcp,
        other => {
            return Err(AppError::new(
                ErrorCode::Unknown,
                format!("unknown ACL permission {other:?} from the server"),
            ))
        }
    })
}

fn from_sdk(owner: Option<&sdk::Owner>, grants: &[sdk::Grant]) -> Result<AccessControlPolicy> {
    let grants = grants
        .iter()
        .filter_map(|g| g.grantee().map(|grantee| (grantee, g.permission())))
        .map(|(g, permission)| {
            let kind = match g.r#type() {
                sdk::Type::CanonicalUser => GranteeType::CanonicalUser,
                sdk::Type::AmazonCustomerByEmail => GranteeType::AmazonCustomerByEmail,
                sdk::Type::Group => GranteeType::Group,
                other => {
                    return Err(AppError::new(
                        ErrorCode::Unknown,
                        format!("unknown grantee type {other:?} from the server"),
                    ))
                }
            };
            Ok(Grant {
                grantee: Grantee {
                    kind,
                    id: g.id().map(str::to_owned),
                    display_name: g.display_name().map(str::to_owned),
                    email_address: g.email_address().map(str::to_owned),
                    uri: g.uri().map(str::to_owned),
                },
                permission: permission_from_sdk(permission)?,
            })
        })
        .collect::<Result<_>>()?;
    let owner = owner
        .map(|o| Owner {
            id: o.id().unwrap_or_default().to_owned(),
            display_name: o.display_name().map(str::to_owned),
        })
        .unwrap_or_default();
    Ok(AccessControlPolicy { owner, grants })
}

fn to_sdk(policy: &AccessControlPolicy) -> Result<sdk::AccessControlPolicy> {
    let grants = policy
        .grants
        .iter()
        .map(|g| {
            let kind = match g.grantee.kind {
                GranteeType::CanonicalUser => sdk::Type::CanonicalUser,
                GranteeType::AmazonCustomerByEmail => sdk::Type::AmazonCustomerByEmail,
                GranteeType::Group => sdk::Type::Group,
            };
            let grantee = sdk::Grantee::builder()
                .r#type(kind)
                .set_id(g.grantee.id.clone())
                .set_display_name(g.grantee.display_name.clone())
                .set_email_address(g.grantee.email_address.clone())
                .set_uri(g.grantee.uri.clone())
                .build()
                .map_err(|e| AppError::invalid_input(e.to_string()))?;
            let permission = match g.permission {
                Permission::FullControl => sdk::Permission::FullControl,
                Permission::Write => sdk::Permission::Write,
                Permission::WriteAcp => sdk::Permission::WriteAcp,
                Permission::Read => sdk::Permission::Read,
                Permission::ReadAcp => sdk::Permission::ReadAcp,
            };
            Ok(sdk::Grant::builder().grantee(grantee).permission(permission).build())
        })
        .collect::<Result<Vec<_>>>()?;
    let owner = sdk::Owner::builder()
        .id(&policy.owner.id)
        .set_display_name(policy.owner.display_name.clone())
        .build();
    Ok(sdk::AccessControlPolicy::builder().owner(owner).set_grants(Some(grants)).build())
}

pub async fn get(s3: &aws_sdk_s3::Client, target: &AclTarget) -> Result<AccessControlPolicy> {
    match &target.key {
        None => {
            let out = s3
                .get_bucket_acl()
                .bucket(&target.bucket)
                .send()
                .await
                .map_err(|e| read_error(SubResource::Acl, e))?;
            from_sdk(out.owner(), out.grants())
        }
        Some(key) => {
            let out = s3
                .get_object_acl()
                .bucket(&target.bucket)
                .key(key)
                .set_version_id(target.version_id.clone())
                .send()
                .await
                .map_err(|e| AppError::from_sdk(e, ErrorCode::NoSuchKey))?;
            from_sdk(out.owner(), out.grants())
        }
    }
}

/// Replaces the ACL. Problems that only need the user's word (owner loses FULL_CONTROL, public
/// write) are the UI's to confirm; everything else is refused here.
pub async fn put(s3: &aws_sdk_s3::Client, target: &AclTarget, change: &AclChange) -> Result<()> {
    refuse_if_blocking(&check(change))?;
    match (&target.key, change) {
        (None, AclChange::Canned(canned)) => {
            let acl = sdk::BucketCannedAcl::from(canned.as_str());
            s3.put_bucket_acl().bucket(&target.bucket).acl(acl).send().await.map_err(write_error)?;
        }
        (None, AclChange::Policy(policy)) => {
            s3.put_bucket_acl()
                .bucket(&target.bucket)
                .access_control_policy(to_sdk(policy)?)
                .send()
                .await
                .map_err(write_error)?;
        }
        (Some(key), change) => {
            let request =
                s3.put_object_acl().bucket(&target.bucket).key(key).set_version_id(target.version_id.clone());
            let request = match change {
                AclChange::Canned(canned) => request.acl(sdk::ObjectCannedAcl::from(canned.as_str())),
                AclChange::Policy(policy) => request.access_control_policy(to_sdk(policy)?),
            };
            request.send().await.map_err(|e| AppError::from_sdk(e, ErrorCode::NoSuchKey))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(id: &str, permission: Permission) -> Grant {
        Grant {
            grantee: Grantee {
                kind: GranteeType::CanonicalUser,
                id: Some(id.into()),
                display_name: None,
                email_address: None,
                uri: None,
            },
            permission,
        }
    }

    fn group(uri: &str, permission: Permission) -> Grant {
        Grant {
            grantee: Grantee {
                kind: GranteeType::Group,
                id: None,
                display_name: None,
                email_address: None,
                uri: Some(uri.into()),
            },
            permission,
        }
    }

    #[test]
    fn owner_and_public_write_need_confirmation() {
        let owner = Owner { id: "me".into(), display_name: None };
        let keeps = AccessControlPolicy {
            owner: owner.clone(),
            grants: vec![user("me", Permission::FullControl), group(ALL_USERS, Permission::Read)],
        };
        assert!(check(&AclChange::Policy(keeps)).is_empty());
        let loses = AccessControlPolicy {
            owner,
            grants: vec![user("me", Permission::Read), group(ALL_USERS, Permission::Write)],
        };
        let codes: Vec<_> = check(&AclChange::Policy(loses)).into_iter().map(|p| p.code).collect();
        assert_eq!(codes, [ProblemCode::PublicWrite, ProblemCode::OwnerLosesFullControl]);
        assert!(refuse_if_blocking(&check(&AclChange::Canned(CannedAcl::PublicReadWrite))).is_ok());
        assert_eq!(check(&AclChange::Canned(CannedAcl::PublicReadWrite))[0].code, ProblemCode::PublicWrite);
    }

    #[test]
    fn grantees_need_their_field() {
        let bad = AccessControlPolicy {
            owner: Owner { id: "me".into(), display_name: None },
            grants: vec![
                user("me", Permission::FullControl),
                group("http://example.com/group", Permission::Read),
                Grant {
                    grantee: Grantee {
                        kind: GranteeType::AmazonCustomerByEmail,
                        id: None,
                        display_name: None,
                        email_address: Some("nobody".into()),
                        uri: None,
                    },
                    permission: Permission::Read,
                },
            ],
        };
        let found: Vec<_> = check(&AclChange::Policy(bad)).into_iter().map(|p| (p.field, p.code)).collect();
        assert_eq!(
            found,
            [
                ("Grants[1].Grantee.URI".into(), ProblemCode::NotAllowed),
                ("Grants[2].Grantee.EmailAddress".into(), ProblemCode::Malformed),
            ]
        );
    }
}

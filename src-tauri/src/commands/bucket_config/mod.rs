//! Bucket configurations: one file per sub-resource, each command one line into
//! `zos_core::buckets::config::<sub-resource>`; plus the capabilities view and the checks and
//! expert text shared by all the forms.

pub mod acl;
pub mod capabilities;
pub mod cors;
pub mod document;
pub mod encryption;
pub mod lifecycle;
pub mod logging;
pub mod notification;
pub mod object_lock;
pub mod policy;
pub mod request_payment;
pub mod tagging;
pub mod versioning;
pub mod website;

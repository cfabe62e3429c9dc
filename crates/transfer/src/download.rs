//! Downloading one object: one GET below the threshold, parallel ranged GETs above, always
//! into a temporary file beside the destination that is
//! - created new (`O_CREAT|O_EXCL`: never an existing file, never through a link),
//! - checked against the object's size and, where the ETag is an MD5 (single-part uploads),
//!   against the MD5 of the bytes received,
//! - and only then moved to its name, without replacing a file unless the user chose to.
//!
//! Ranges carry `If-Match` with the ETag seen first: an object replaced mid-download fails
//! the range (412) instead of mixing two versions. Completed ranges are journalled, and the
//! temporary file's name with them, so a download resumes after a restart.

use crate::body::Progress;
use crate::ctx::{ItemCtx, Outcome};
use crate::model::ConflictPolicy;
use crate::plan::{self, numbered_name};
use md5::{Digest, Md5};
use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};
use zos_core::ssec::{classify_read_error, WithCustomerKey};
use zos_core::{AppError, ErrorCode, Result};
use zos_journal::{StoredItem, StoredPart};

/// The journal's `upload_id` of a download holds its temporary file's name after this.
const TEMP_MARK: &str = "tmp:";
/// Received bytes are written in pieces of this size.
const WRITE_BUFFER: usize = 1024 * 1024;

fn io(context: &str, path: &Path, e: std::io::Error) -> AppError {
    AppError::io(&format!("{context} {}", path.display()), e)
}

/// Creates the folders of `path` under `root`, refusing to pass through a link or a file:
/// the download stays inside the folder the user chose.
pub fn ensure_folders(root: &Path, path: &Path) -> Result<()> {
    let Ok(relative) = path.strip_prefix(root) else {
        return Err(AppError::invalid_input(format!("{} is outside {}", path.display(), root.display())));
    };
    let mut current = root.to_path_buf();
    let components: Vec<_> = relative.components().collect();
    for component in components.iter().take(components.len().saturating_sub(1)) {
        current.push(component);
        match std::fs::symlink_metadata(&current) {
            Ok(meta) if meta.is_dir() => {}
            Ok(_) => {
                return Err(AppError::new(
                    ErrorCode::LocalFileExists,
                    format!("{} exists and is not a folder (or is a link)", current.display()),
                ));
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => match std::fs::create_dir(&current) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(io("creating", &current, e)),
            },
            Err(e) => return Err(io("reading", &current, e)),
        }
    }
    Ok(())
}

fn open_new(path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).read(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600).custom_flags(libc::O_NOFOLLOW);
    }
    options.open(path)
}

/// Opens a temporary file this app created before (resume): never through a link.
fn open_existing(path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW);
    }
    options.open(path)
}

fn write_at(file: &File, data: &[u8], offset: u64) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileExt;
        file.write_all_at(data, offset)
    }
    #[cfg(windows)]
    {
        use std::os::windows::fs::FileExt;
        let mut done = 0;
        while done < data.len() {
            done += file.seek_write(&data[done..], offset + done as u64)?;
        }
        Ok(())
    }
}

/// A new temporary file beside `dest`: `.name.<random>.zos-part`.
fn create_temp(dest: &Path) -> Result<(PathBuf, File)> {
    let parent = dest.parent().unwrap_or(Path::new("."));
    let name = dest.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    for _ in 0..16 {
        let random: u32 = rand_u32();
        let temp = parent.join(format!(".{name}.{random:08x}.zos-part"));
        match open_new(&temp) {
            Ok(file) => return Ok((temp, file)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(io("creating", &temp, e)),
        }
    }
    Err(AppError::new(ErrorCode::Io, format!("no free temporary name beside {}", dest.display())))
}

fn rand_u32() -> u32 {
    let nanos =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default().as_nanos();
    let mut x = (nanos as u64) ^ (std::process::id() as u64).rotate_left(32) ^ (&nanos as *const _ as u64);
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51afd7ed558ccd);
    (x ^ (x >> 33)) as u32
}

/// Moves the finished temporary file to `dest` without replacing an existing file, unless
/// `replace`. `Ok(false)`: `dest` exists (the temporary file is left for the caller).
fn place(temp: &Path, dest: &Path, replace: bool) -> Result<bool> {
    if replace {
        std::fs::rename(temp, dest).map_err(|e| io("saving", dest, e))?;
        return Ok(true);
    }
    #[cfg(target_os = "linux")]
    {
        use std::ffi::CString;
        use std::os::unix::ffi::OsStrExt;
        let from = CString::new(temp.as_os_str().as_bytes())
            .map_err(|_| AppError::invalid_input("NUL in a path"))?;
        let to = CString::new(dest.as_os_str().as_bytes())
            .map_err(|_| AppError::invalid_input("NUL in a path"))?;
        // SAFETY: two valid NUL-terminated paths; renameat2 does not keep them.
        let rc = unsafe {
            libc::renameat2(
                libc::AT_FDCWD,
                from.as_ptr(),
                libc::AT_FDCWD,
                to.as_ptr(),
                libc::RENAME_NOREPLACE,
            )
        };
        if rc == 0 {
            return Ok(true);
        }
        let err = std::io::Error::last_os_error();
        match err.raw_os_error() {
            Some(libc::EEXIST) => return Ok(false),
            // File systems without RENAME_NOREPLACE: fall through to a hard link.
            Some(libc::EINVAL) | Some(libc::ENOSYS) => {}
            _ => return Err(io("saving", dest, err)),
        }
    }
    match std::fs::hard_link(temp, dest) {
        Ok(()) => {
            let _ = std::fs::remove_file(temp);
            Ok(true)
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        Err(_) if !dest.exists() => {
            // No hard links either (FAT, some network shares): a plain rename, checked first.
            std::fs::rename(temp, dest).map_err(|e| io("saving", dest, e))?;
            Ok(true)
        }
        Err(_) => Ok(false),
    }
}

fn exists(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok()
}

/// Where to save, following the conflict policy; `Err(outcome)` to stop here.
fn free_path(policy: ConflictPolicy, dest: &Path) -> std::result::Result<PathBuf, Outcome> {
    if policy == ConflictPolicy::Overwrite || !exists(dest) {
        return Ok(dest.to_owned());
    }
    match policy {
        ConflictPolicy::Skip => Err(Outcome::Skipped),
        ConflictPolicy::KeepBoth => {
            let name = dest.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            (1..1000)
                .map(|n| dest.with_file_name(numbered_name(&name, n)))
                .find(|candidate| !exists(candidate))
                .ok_or(Outcome::Conflict)
        }
        _ => Err(Outcome::Conflict),
    }
}

/// An ETag that is the MD5 of the object's bytes (not a multipart or encrypted one).
fn md5_etag(etag: &str) -> Option<String> {
    let hex = etag.trim_matches('"');
    (hex.len() == 32 && hex.bytes().all(|b| b.is_ascii_hexdigit())).then(|| hex.to_ascii_lowercase())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub async fn download_item(ctx: &ItemCtx, item: &StoredItem, root: Option<&Path>) -> Result<Outcome> {
    if let Some(root) = root {
        ensure_folders(root, &item.local_path)?;
    }
    if item.key.ends_with('/') {
        // A folder marker: the folder is all there is to it.
        return match std::fs::symlink_metadata(&item.local_path) {
            Ok(meta) if meta.is_dir() => Ok(Outcome::Done { key: item.key.clone() }),
            Ok(_) => Err(AppError::new(
                ErrorCode::LocalFileExists,
                format!("{} is not a folder", item.local_path.display()),
            )),
            Err(_) => {
                std::fs::create_dir(&item.local_path).map_err(|e| io("creating", &item.local_path, e))?;
                Ok(Outcome::Done { key: item.key.clone() })
            }
        };
    }
    let dest = match free_path(ctx.policy, &item.local_path) {
        Ok(dest) => dest,
        Err(outcome) => return Ok(outcome),
    };
    let customer_key = ctx.customer_key(&ctx.bucket, &item.key);
    let head = {
        let _permit = ctx.permit().await;
        ctx.with_retries(|| {
            zos_core::objects::head_object_with_key(
                &ctx.s3,
                &ctx.bucket,
                &item.key,
                ctx.version_id.as_deref(),
                customer_key.as_ref(),
            )
        })
        .await?
    };
    let etag = head.etag.clone().unwrap_or_default();
    let size = head.size;

    // A temporary file from an earlier run is reused only for the same object.
    let mut resumed = None;
    if let Some(name) = item.upload_id.as_deref().and_then(|id| id.strip_prefix(TEMP_MARK)) {
        let temp = dest.with_file_name(name);
        let same_object = item.etag.as_deref() == Some(etag.as_str()) && item.size == size;
        match open_existing(&temp) {
            Ok(file) if same_object && file.metadata().is_ok_and(|m| m.is_file() && m.len() == size) => {
                let item_id = item.id;
                let parts = ctx
                    .journal
                    .call(move |j| j.parts(item_id))
                    .await
                    .map_err(|e| AppError::new(ErrorCode::Io, e.to_string()))?;
                resumed = Some((temp, file, parts));
            }
            _ => {
                let _ = std::fs::remove_file(&temp);
                let item_id = item.id;
                ctx.journal.write(move |j| j.set_upload_id(item_id, None));
            }
        }
    }
    let (temp, file, done_parts) = match resumed {
        Some(found) => found,
        None => {
            let (temp, file) = create_temp(&dest)?;
            let name = temp.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let (item_id, key, etag_now) = (item.id, item.key.clone(), etag.clone());
            // Waited for: a temporary file the journal does not know could not be cleaned up.
            ctx.journal
                .call(move |j| {
                    j.update_item_source(item_id, &key, size, 0, Some(&etag_now))?;
                    j.set_upload_id(item_id, Some(&format!("{TEMP_MARK}{name}")))
                })
                .await
                .map_err(|e| AppError::new(ErrorCode::Io, e.to_string()))?;
            (temp, file, Vec::new())
        }
    };
    let result = async {
        if size < ctx.multipart_threshold {
            fetch_whole(ctx, &item.key, &etag, size, &file).await?;
        } else {
            fetch_ranges(ctx, &item.key, &etag, size, &file, done_parts).await?;
            if let Some(expected) = md5_etag(&etag) {
                let path = temp.clone();
                let actual = tokio::task::spawn_blocking(move || md5_of_file(&path))
                    .await
                    .map_err(|e| AppError::new(ErrorCode::Unknown, e.to_string()))??;
                if actual != expected {
                    return Err(mismatch(&item.key, &format!("MD5 {actual} instead of {expected}")));
                }
            }
        }
        let len = file.metadata().map_err(|e| io("reading", &temp, e))?.len();
        if len != size {
            return Err(mismatch(&item.key, &format!("{len} bytes instead of {size}")));
        }
        Ok(())
    }
    .await;
    if let Err(e) = result {
        if !crate::ctx::is_transient(&e) || e.is(ErrorCode::ChecksumMismatch) {
            // Nothing in it can be trusted or reused.
            let _ = std::fs::remove_file(&temp);
            let item_id = item.id;
            ctx.journal.write(move |j| j.set_upload_id(item_id, None));
        }
        return Err(e);
    }
    drop(file);
    let mut target = dest;
    loop {
        if place(&temp, &target, ctx.policy == ConflictPolicy::Overwrite)? {
            break;
        }
        // Someone created the file while we downloaded.
        match free_path(ctx.policy, &target) {
            Ok(next) if next != target => target = next,
            Ok(_) => continue,
            Err(outcome) => {
                let _ = std::fs::remove_file(&temp);
                let item_id = item.id;
                ctx.journal.write(move |j| j.set_upload_id(item_id, None));
                return Ok(outcome);
            }
        }
    }
    let item_id = item.id;
    ctx.journal.write(move |j| j.set_upload_id(item_id, None));
    Ok(Outcome::Done { key: item.key.clone() })
}

/// Removes the temporary file of a cancelled download.
pub fn remove_temp(item: &StoredItem) {
    if let Some(name) = item.upload_id.as_deref().and_then(|id| id.strip_prefix(TEMP_MARK)) {
        let _ = std::fs::remove_file(item.local_path.with_file_name(name));
    }
}

fn mismatch(key: &str, what: &str) -> AppError {
    AppError::new(ErrorCode::ChecksumMismatch, format!("{key}: received {what}"))
}

fn md5_of_file(path: &Path) -> Result<String> {
    use std::io::Read;
    let mut file = File::open(path).map_err(|e| io("reading", path, e))?;
    let mut hasher = Md5::new();
    let mut buf = vec![0u8; 4 * 1024 * 1024];
    loop {
        let n = file.read(&mut buf).map_err(|e| io("reading", path, e))?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hex(&hasher.finalize()))
}

/// Streams `range` (or the whole object) to `file` at `offset`; returns the bytes written.
async fn get_into(
    ctx: &ItemCtx,
    key: &str,
    etag: &str,
    range: Option<(u64, u64)>,
    file: &File,
    mut hasher: Option<&mut Md5>,
) -> Result<u64> {
    let customer_key = ctx.customer_key(&ctx.bucket, key);
    let mut request = ctx
        .s3
        .get_object()
        .bucket(&ctx.bucket)
        .key(key)
        .set_version_id(ctx.version_id.clone())
        .customer_key(customer_key.as_ref());
    if !etag.is_empty() {
        request = request.if_match(etag);
    }
    if let Some((offset, len)) = range {
        request = request.range(format!("bytes={}-{}", offset, offset + len - 1));
    }
    let out = request.send().await.map_err(|e| {
        let e = classify_read_error(AppError::from_sdk(e, ErrorCode::NoSuchKey), customer_key.is_some());
        if e.is(ErrorCode::PreconditionFailed) {
            AppError::new(
                ErrorCode::ObjectChanged,
                format!("{key} was replaced on the server during the download"),
            )
        } else {
            e
        }
    })?;
    let start = range.map_or(0, |(offset, _)| offset);
    let mut body = out.body;
    let mut written = 0u64;
    let mut buffer: Vec<u8> = Vec::with_capacity(WRITE_BUFFER);
    let counted = Progress { item: ctx.progress.item.clone(), transfer: ctx.progress.transfer.clone() };
    let result: Result<()> = async {
        loop {
            let chunk = body
                .try_next()
                .await
                .map_err(|e| AppError::new(ErrorCode::ConnectFailed, format!("download interrupted: {e}")))?;
            let Some(chunk) = chunk else { break };
            ctx.limiter.wait(chunk.len()).await;
            if let Some(h) = hasher.as_deref_mut() {
                h.update(&chunk);
            }
            counted.add(chunk.len() as u64);
            if buffer.is_empty() && chunk.len() >= WRITE_BUFFER {
                write_at(file, &chunk, start + written)
                    .map_err(|e| AppError::io("writing the download", e))?;
                written += chunk.len() as u64;
                continue;
            }
            buffer.extend_from_slice(&chunk);
            if buffer.len() >= WRITE_BUFFER {
                write_at(file, &buffer, start + written)
                    .map_err(|e| AppError::io("writing the download", e))?;
                written += buffer.len() as u64;
                buffer.clear();
            }
        }
        if !buffer.is_empty() {
            write_at(file, &buffer, start + written).map_err(|e| AppError::io("writing the download", e))?;
            written += buffer.len() as u64;
        }
        Ok(())
    }
    .await;
    if let Err(e) = result {
        counted.sub(written + buffer.len() as u64);
        return Err(e);
    }
    if let Some((_, len)) = range {
        if written != len {
            counted.sub(written);
            return Err(AppError::new(
                ErrorCode::ConnectFailed,
                format!("range ended after {written} of {len} bytes"),
            ));
        }
    }
    Ok(written)
}

async fn fetch_whole(ctx: &ItemCtx, key: &str, etag: &str, size: u64, file: &File) -> Result<()> {
    let expected_md5 = md5_etag(etag);
    ctx.with_retries(|| async {
        let _permit = ctx.permit().await;
        ctx.progress.set_item(0);
        file.set_len(0).map_err(|e| AppError::io("writing the download", e))?;
        let mut hasher = Md5::new();
        let written =
            get_into(ctx, key, etag, None, file, expected_md5.as_ref().map(|_| &mut hasher)).await?;
        if written != size {
            return Err(AppError::new(
                ErrorCode::ConnectFailed,
                format!("download ended after {written} of {size} bytes"),
            ));
        }
        if let Some(expected) = &expected_md5 {
            let actual = hex(&hasher.finalize());
            if &actual != expected {
                return Err(mismatch(key, &format!("MD5 {actual} instead of {expected}")));
            }
        }
        Ok(())
    })
    .await
}

async fn fetch_ranges(
    ctx: &ItemCtx,
    key: &str,
    etag: &str,
    size: u64,
    file: &File,
    done_parts: Vec<StoredPart>,
) -> Result<()> {
    file.set_len(size).map_err(|e| AppError::io("writing the download", e))?;
    let part_size = plan::part_size_for(size, ctx.part_size);
    let mut todo = Vec::new();
    let mut already = 0;
    for (number, offset, len) in plan::parts(size, part_size) {
        if done_parts.iter().any(|p| p.number == number && p.size == len && p.etag == etag) {
            already += len;
        } else {
            todo.push((number, offset, len));
        }
    }
    ctx.progress.set_item(already);
    let fetches = todo.into_iter().map(|(number, offset, len)| async move {
        ctx.with_retries(|| async {
            let _permit = ctx.permit().await;
            get_into(ctx, key, etag, Some((offset, len)), file, None).await
        })
        .await?;
        let (item_id, part) = (ctx.item_id, StoredPart { number, etag: etag.to_owned(), size: len });
        ctx.journal.write(move |j| j.record_part(item_id, &part));
        Ok::<_, AppError>(())
    });
    futures::future::try_join_all(fetches).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn md5_etags_are_told_from_multipart_ones() {
        assert_eq!(
            md5_etag("\"9E107D9D372BB6826BD81D3542A419D6\"").as_deref(),
            Some("9e107d9d372bb6826bd81d3542a419d6")
        );
        assert_eq!(md5_etag("\"9e107d9d372bb6826bd81d3542a419d6-3\""), None);
        assert_eq!(md5_etag(""), None);
    }

    #[test]
    fn placing_never_replaces_unless_asked_and_temp_files_never_follow_links() {
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("a.txt");
        std::fs::write(&dest, b"mine").unwrap();
        let (temp, _) = create_temp(&dest).unwrap();
        std::fs::write(&temp, b"theirs").unwrap();
        assert!(!place(&temp, &dest, false).unwrap());
        assert_eq!(std::fs::read(&dest).unwrap(), b"mine");
        assert!(place(&temp, &dest, true).unwrap());
        assert_eq!(std::fs::read(&dest).unwrap(), b"theirs");
        #[cfg(unix)]
        {
            let link = dir.path().join("link");
            std::os::unix::fs::symlink(&dest, &link).unwrap();
            assert!(open_new(&link).is_err());
            assert!(open_existing(&link).is_err(), "O_NOFOLLOW");
        }
    }

    #[test]
    fn folders_are_made_inside_the_root_and_never_through_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("dl");
        std::fs::create_dir(&root).unwrap();
        ensure_folders(&root, &root.join("a/b/c.txt")).unwrap();
        assert!(root.join("a/b").is_dir());
        #[cfg(unix)]
        {
            let outside = dir.path().join("outside");
            std::fs::create_dir(&outside).unwrap();
            std::os::unix::fs::symlink(&outside, root.join("evil")).unwrap();
            let err = ensure_folders(&root, &root.join("evil/x/y.txt")).unwrap_err();
            assert_eq!(err.code, ErrorCode::LocalFileExists);
            assert!(!outside.join("x").exists());
        }
    }

    #[test]
    fn keep_both_picks_a_free_name() {
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("r.txt");
        std::fs::write(&dest, b"").unwrap();
        std::fs::write(dir.path().join("r (1).txt"), b"").unwrap();
        assert_eq!(free_path(ConflictPolicy::KeepBoth, &dest).unwrap(), dir.path().join("r (2).txt"));
        assert_eq!(free_path(ConflictPolicy::Ask, &dest), Err(Outcome::Conflict));
        assert_eq!(free_path(ConflictPolicy::Skip, &dest), Err(Outcome::Skipped));
        assert_eq!(free_path(ConflictPolicy::Overwrite, &dest).unwrap(), dest);
    }
}

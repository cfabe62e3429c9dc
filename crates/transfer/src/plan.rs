//! Pure decisions: part sizes, local names for keys, keys for local files. No I/O here except
//! [`walk`], which reads a folder.

use std::path::{Component, Path, PathBuf};
use std::time::UNIX_EPOCH;

pub const MIB: u64 = 1024 * 1024;
/// S3's rules: every part but the last at least 5 MiB, at most 10,000 parts, at most 5 GiB each.
pub const MIN_PART_SIZE: u64 = 5 * MIB;
pub const MAX_PART_SIZE: u64 = 5 * 1024 * MIB;
pub const MAX_PARTS: u64 = 10_000;

/// The part size for a file of `size` bytes: the preferred size, grown to whole MiB where
/// 10,000 parts would not hold the file.
pub fn part_size_for(size: u64, preferred: u64) -> u64 {
    let needed = size.div_ceil(MAX_PARTS).div_ceil(MIB) * MIB;
    preferred.max(MIN_PART_SIZE).max(needed).min(MAX_PART_SIZE)
}

/// `(part number from 1, offset, length)` of each part.
pub fn parts(size: u64, part_size: u64) -> impl Iterator<Item = (u32, u64, u64)> {
    let count = size.div_ceil(part_size).max(1);
    (0..count).map(move |i| {
        let offset = i * part_size;
        (i as u32 + 1, offset, part_size.min(size - offset))
    })
}

/// A local name for one `/`-separated piece of a key. Names the file system cannot hold or
/// that would step out of the folder (`.`, `..`, empty pieces from `//` or a leading `/`,
/// backslashes, control characters) are spelled with `%XX` escapes or `_`; everything else,
/// `%`, `+`, `?`, `#`, spaces, Chinese and emoji included, stays as it is.
pub fn local_segment(segment: &str) -> String {
    match segment {
        "" => return "_".into(),
        "." => return "%2E".into(),
        ".." => return "%2E%2E".into(),
        _ => {}
    }
    let mut out = String::with_capacity(segment.len());
    for c in segment.chars() {
        let unsafe_here = c.is_control() || c == '\\' || (cfg!(windows) && "<>:\"|?*".contains(c));
        if unsafe_here {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Where the object `relative_key` (its key without the prefix the user downloads from) goes
/// under `root`. `None` for the prefix itself (an empty relative key). The result is always
/// inside `root`: every piece is a plain name.
pub fn local_path_for(root: &Path, relative_key: &str) -> Option<PathBuf> {
    let trimmed = relative_key.strip_suffix('/').unwrap_or(relative_key);
    if relative_key.is_empty() {
        return None;
    }
    let mut path = root.to_path_buf();
    for segment in trimmed.split('/') {
        path.push(local_segment(segment));
    }
    debug_assert!(path
        .strip_prefix(root)
        .is_ok_and(|rel| rel.components().all(|c| matches!(c, Component::Normal(_)))));
    Some(path)
}

/// A file (or an empty folder) found under a local source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalEntry {
    /// `/`-separated, starting with the dropped file's or folder's own name. Folders end in `/`.
    pub relative: String,
    pub path: PathBuf,
    pub size: u64,
    pub mtime_ns: i64,
}

/// What a walk left out, and why (shown to the user).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub path: PathBuf,
    pub reason: &'static str,
}

pub fn mtime_ns(meta: &std::fs::Metadata) -> i64 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos().min(i64::MAX as u128) as i64)
}

/// Every file under `source` (or `source` itself if it is a file), sorted by name. Links to
/// folders are not followed (no loops, nothing outside what was dropped); links to files are
/// uploaded as the file they point to. Empty folders become `name/` entries.
pub fn walk(source: &Path) -> (Vec<LocalEntry>, Vec<Skipped>) {
    let mut found = Vec::new();
    let mut skipped = Vec::new();
    let Some(name) = source.file_name().and_then(|n| n.to_str()) else {
        skipped.push(Skipped { path: source.to_owned(), reason: "its name is not valid UTF-8" });
        return (found, skipped);
    };
    let mut stack = vec![(source.to_path_buf(), name.to_owned())];
    while let Some((path, relative)) = stack.pop() {
        let Ok(link_meta) = std::fs::symlink_metadata(&path) else {
            skipped.push(Skipped { path, reason: "it could not be read" });
            continue;
        };
        let meta = if link_meta.file_type().is_symlink() {
            match std::fs::metadata(&path) {
                Ok(m) if m.is_file() => m,
                Ok(_) => {
                    skipped.push(Skipped { path, reason: "it is a link to a folder" });
                    continue;
                }
                Err(_) => {
                    skipped.push(Skipped { path, reason: "it is a broken link" });
                    continue;
                }
            }
        } else {
            link_meta
        };
        if meta.is_file() {
            found.push(LocalEntry { relative, size: meta.len(), mtime_ns: mtime_ns(&meta), path });
        } else if meta.is_dir() {
            let Ok(entries) = std::fs::read_dir(&path) else {
                skipped.push(Skipped { path, reason: "the folder could not be read" });
                continue;
            };
            let mut children: Vec<_> = entries.filter_map(|e| e.ok()).collect();
            if children.is_empty() {
                found.push(LocalEntry {
                    relative: format!("{relative}/"),
                    size: 0,
                    mtime_ns: mtime_ns(&meta),
                    path,
                });
                continue;
            }
            children.sort_by_key(|e| std::cmp::Reverse(e.file_name()));
            for child in children {
                match child.file_name().to_str() {
                    Some(child_name) => stack.push((child.path(), format!("{relative}/{child_name}"))),
                    None => {
                        skipped.push(Skipped { path: child.path(), reason: "its name is not valid UTF-8" })
                    }
                }
            }
        } else {
            skipped.push(Skipped { path, reason: "it is not a regular file" });
        }
    }
    (found, skipped)
}

/// `name (n).ext` for the n-th "keep both" alternative of a key or file name.
pub fn numbered_name(name: &str, n: u32) -> String {
    let (dir, file) = match name.rfind('/') {
        Some(i) => name.split_at(i + 1),
        None => ("", name),
    };
    let (stem, ext) = match file.rfind('.') {
        Some(i) if i > 0 => file.split_at(i),
        _ => (file, ""),
    };
    format!("{dir}{stem} ({n}){ext}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn part_sizes_keep_to_s3_rules() {
        assert_eq!(part_size_for(100 * MIB, 16 * MIB), 16 * MIB);
        assert_eq!(part_size_for(100 * MIB, MIB), MIN_PART_SIZE, "never below 5 MiB");
        let huge = 5 * 1024 * 1024 * MIB; // 5 TiB
        let size = part_size_for(huge, 16 * MIB);
        assert!(huge.div_ceil(size) <= MAX_PARTS && size.is_multiple_of(MIB), "{size}");
        let all: Vec<_> = parts(33 * MIB, 16 * MIB).collect();
        assert_eq!(all, vec![(1, 0, 16 * MIB), (2, 16 * MIB, 16 * MIB), (3, 32 * MIB, MIB)]);
        assert_eq!(parts(32 * MIB, 16 * MIB).count(), 2, "no empty last part");
    }

    #[test]
    fn keys_map_inside_the_chosen_folder() {
        let root = Path::new("/home/u/dl");
        let map = |k: &str| local_path_for(root, k).unwrap();
        assert_eq!(map("a/b.txt"), root.join("a/b.txt"));
        assert_eq!(map("../../etc/passwd"), root.join("%2E%2E/%2E%2E/etc/passwd"));
        assert_eq!(map("/etc/passwd"), root.join("_/etc/passwd"));
        assert_eq!(map("a//b"), root.join("a/_/b"));
        assert_eq!(map("a/./b"), root.join("a/%2E/b"));
        assert_eq!(map("back\\slash"), root.join("back%5Cslash"));
        assert_eq!(map("bell\u{7}.txt"), root.join("bell%07.txt"));
        assert_eq!(map("dir/"), root.join("dir"));
        for kept in ["照片 1.jpg", "😀+%25?#.txt", "x..y", "...", "a b"] {
            assert_eq!(map(kept), root.join(kept), "{kept} keeps its name");
        }
        assert_eq!(local_path_for(root, ""), None);
        for key in ["..", "../", "/..", "a/../../..", "\\..\\..", "//", "./."] {
            let path = map(key);
            assert!(
                path.starts_with(root) && path.components().all(|c| !matches!(c, Component::ParentDir)),
                "{key}"
            );
        }
    }

    #[test]
    fn keep_both_names() {
        assert_eq!(numbered_name("a/photo.jpg", 1), "a/photo (1).jpg");
        assert_eq!(numbered_name("a.b/noext", 2), "a.b/noext (2)");
        assert_eq!(numbered_name(".hidden", 1), ".hidden (1)");
    }

    #[test]
    fn a_walk_finds_files_and_empty_folders_and_skips_folder_links() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("photos");
        std::fs::create_dir_all(root.join("2024/empty")).unwrap();
        std::fs::write(root.join("2024/a.jpg"), b"a").unwrap();
        std::fs::write(root.join("b 照片.txt"), b"bb").unwrap();
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.path(), root.join("loop")).unwrap();
            std::os::unix::fs::symlink(root.join("b 照片.txt"), root.join("link.txt")).unwrap();
        }
        let (found, skipped) = walk(&root);
        let names: Vec<_> = found.iter().map(|e| (e.relative.as_str(), e.size)).collect();
        #[cfg(unix)]
        assert_eq!(
            names,
            vec![
                ("photos/2024/a.jpg", 1),
                ("photos/2024/empty/", 0),
                ("photos/b 照片.txt", 2),
                ("photos/link.txt", 2)
            ]
        );
        #[cfg(unix)]
        assert_eq!(skipped.len(), 1, "{skipped:?}");
        let (single, _) = walk(&root.join("2024/a.jpg"));
        assert_eq!(single[0].relative, "a.jpg");
    }
}

//! Finding fonts on this machine for text watermarks. The directories are scanned once, lazily;
//! a font file is read and parsed once and then shared.
//!
//! Requested names map to a family: yahei, heiti, youyuan, wqy-* and other sans names → a sans
//! CJK face; songti, fangsong, kaishu → a serif CJK face when there is one, else the sans. A name
//! whose own font file is present (msyh.ttc for yahei, or a file named like the request, say
//! `DejaVuSans.ttf` for "DejaVu Sans") is used as is.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use ab_glyph::{Font, FontVec};

use super::error::{ExecError, ExecErrorKind};

/// One face of one font file, parsed.
pub(crate) struct LoadedFont {
    pub font: FontVec,
    /// For notes: "Noto Sans CJK SC (NotoSansCJK-Regular.ttc #2)".
    pub label: String,
}

impl LoadedFont {
    pub fn has_glyph(&self, c: char) -> bool {
        self.font.glyph_id(c).0 != 0
    }
}

/// Sans CJK files, best first (file names as distributions and OSes ship them).
const CJK_SANS: [&str; 14] = [
    "NotoSansCJK-Regular.ttc",
    "NotoSansCJKsc-Regular.otf",
    "NotoSansSC-Regular.otf",
    "NotoSansSC-Regular.ttf",
    "SourceHanSansSC-Regular.otf",
    "SourceHanSans-Regular.ttc",
    "wqy-zenhei.ttc",
    "wqy-microhei.ttc",
    "msyh.ttc",
    "simhei.ttf",
    "PingFang.ttc",
    "Hiragino Sans GB.ttc",
    "STHeiti Light.ttc",
    "DroidSansFallbackFull.ttf",
];

/// Serif CJK files, best first.
const CJK_SERIF: [&str; 7] = [
    "NotoSerifCJK-Regular.ttc",
    "NotoSerifCJKsc-Regular.otf",
    "NotoSerifSC-Regular.otf",
    "SourceHanSerifSC-Regular.otf",
    "SourceHanSerif-Regular.ttc",
    "simsun.ttc",
    "Songti.ttc",
];

/// Fonts without CJK, for when no CJK font exists at all.
const LATIN: [&str; 5] =
    ["DejaVuSans.ttf", "LiberationSans-Regular.ttf", "Arial.ttf", "arial.ttf", "Helvetica.ttc"];

/// A requested name's own file (Windows' Chinese fonts), used without substitution.
fn own_file(name: &str) -> Option<&'static str> {
    Some(match name {
        "yahei" => "msyh.ttc",
        "heiti" => "simhei.ttf",
        "kaishu" => "simkai.ttf",
        "fangsong" => "simfang.ttf",
        "songti" => "simsun.ttc",
        "youyuan" => "SIMYOU.TTF",
        "wqy-zenhei" => "wqy-zenhei.ttc",
        "wqy-microhei" => "wqy-microhei.ttc",
        _ => return None,
    })
}

fn wants_serif(name: &str) -> bool {
    ["song", "fang", "kai", "serif", "shu", "ming"].iter().any(|k| name.contains(k))
}

fn font_dirs() -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    let home = std::env::var_os("HOME").map(PathBuf::from);
    if cfg!(target_os = "windows") {
        let windir = std::env::var_os("WINDIR").map(PathBuf::from).unwrap_or_else(|| "C:\\Windows".into());
        dirs.push(windir.join("Fonts"));
        if let Some(local) = std::env::var_os("LOCALAPPDATA") {
            dirs.push(PathBuf::from(local).join("Microsoft\\Windows\\Fonts"));
        }
    } else if cfg!(target_os = "macos") {
        dirs.extend(["/System/Library/Fonts", "/Library/Fonts"].map(PathBuf::from));
        dirs.extend(home.iter().map(|h| h.join("Library/Fonts")));
    } else {
        dirs.extend(["/usr/share/fonts", "/usr/local/share/fonts"].map(PathBuf::from));
        match std::env::var_os("XDG_DATA_HOME") {
            Some(d) => dirs.push(PathBuf::from(d).join("fonts")),
            None => dirs.extend(home.iter().map(|h| h.join(".local/share/fonts"))),
        }
        dirs.extend(home.iter().map(|h| h.join(".fonts")));
    }
    dirs
}

fn scan(dir: &Path, depth: u32, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let path = e.path();
        if path.is_dir() {
            if depth < 6 {
                scan(&path, depth + 1, out);
            }
        } else if let Some(ext) = path.extension().and_then(|x| x.to_str()) {
            if ["ttf", "ttc", "otf", "otc"].contains(&ext.to_ascii_lowercase().as_str()) {
                out.push(path);
            }
        }
    }
}

/// Every font file on the machine, found once.
fn files() -> &'static [PathBuf] {
    static FILES: OnceLock<Vec<PathBuf>> = OnceLock::new();
    FILES.get_or_init(|| {
        let mut out = Vec::new();
        for d in font_dirs() {
            scan(&d, 0, &mut out);
        }
        out.sort();
        out
    })
}

fn file_named(name: &str) -> Option<&'static PathBuf> {
    files()
        .iter()
        .find(|p| p.file_name().and_then(|f| f.to_str()).is_some_and(|f| f.eq_ignore_ascii_case(name)))
}

fn normalized(s: &str) -> String {
    s.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect()
}

/// A file whose name is the request's (ignoring case, spaces and dashes), preferring regular.
fn file_like(request: &str) -> Option<&'static PathBuf> {
    let want = normalized(request);
    if want.len() < 3 {
        return None;
    }
    let stem = |p: &PathBuf| p.file_stem().and_then(|s| s.to_str()).map(normalized).unwrap_or_default();
    files()
        .iter()
        .find(|p| stem(p) == want || stem(p) == format!("{want}regular"))
        .or_else(|| files().iter().find(|p| stem(p).starts_with(&want)))
}

/// Reads a file and picks its face: in a collection, the one whose family says Simplified
/// Chinese ("… SC"), else the first with a glyph for 你, else the first.
fn load(path: &Path) -> Option<Arc<LoadedFont>> {
    static CACHE: OnceLock<Mutex<HashMap<PathBuf, Option<Arc<LoadedFont>>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    if let Some(hit) = cache.lock().ok()?.get(path) {
        return hit.clone();
    }
    let loaded = std::fs::read(path).ok().and_then(|data| {
        let count = ttf_parser::fonts_in_collection(&data).unwrap_or(1);
        let mut best: Option<(u32, String, u8)> = None;
        for i in 0..count {
            let Ok(face) = ttf_parser::Face::parse(&data, i) else { continue };
            let family = family_name(&face).unwrap_or_default();
            let score = if family.ends_with(" SC") || family.contains(" SC ") {
                3
            } else if face.glyph_index('你').is_some() {
                2
            } else {
                1
            };
            if best.as_ref().is_none_or(|b| score > b.2) {
                best = Some((i, family, score));
            }
        }
        let (index, family, _) = best?;
        let file = path.file_name().and_then(|f| f.to_str()).unwrap_or_default().to_string();
        let label =
            if count > 1 { format!("{family} ({file} #{index})") } else { format!("{family} ({file})") };
        let font = FontVec::try_from_vec_and_index(data, index).ok()?;
        Some(Arc::new(LoadedFont { font, label }))
    });
    if let Ok(mut c) = cache.lock() {
        c.insert(path.to_path_buf(), loaded.clone());
    }
    loaded
}

fn family_name(face: &ttf_parser::Face<'_>) -> Option<String> {
    use ttf_parser::name_id;
    let names = face.names();
    // Typographic family first (it has no "Regular" suffix), then the legacy family.
    for id in [name_id::TYPOGRAPHIC_FAMILY, name_id::FAMILY] {
        let english =
            names.into_iter().find(|n| n.name_id == id && n.is_unicode() && n.language_id == 0x0409);
        if let Some(s) = english.and_then(|n| n.to_string()) {
            return Some(s);
        }
    }
    names.into_iter().find(|n| n.name_id == name_id::FAMILY).and_then(|n| n.to_string())
}

fn first_loadable(names: &[&str]) -> Option<Arc<LoadedFont>> {
    names.iter().filter_map(|n| file_named(n)).find_map(|p| load(p))
}

/// The default sans CJK face, if the machine has one.
pub(crate) fn cjk_sans() -> Option<Arc<LoadedFont>> {
    first_loadable(&CJK_SANS)
}

/// The font for a request, and whether it is a stand-in for the name asked for.
pub(crate) struct Choice {
    pub font: Arc<LoadedFont>,
    /// The font has no CJK glyphs (none on the machine).
    pub no_cjk: bool,
    pub substituted: bool,
}

pub(crate) fn choose(requested: Option<&str>) -> Result<Choice, ExecError> {
    let name = requested.map(|r| r.trim().to_ascii_lowercase());
    if let Some(name) = &name {
        let own = own_file(name).and_then(file_named).or_else(|| file_like(name));
        if let Some(font) = own.and_then(|p| load(p)) {
            return Ok(Choice { font, no_cjk: false, substituted: false });
        }
    }
    let serif = name.as_deref().is_some_and(wants_serif);
    let cjk = if serif { first_loadable(&CJK_SERIF).or_else(cjk_sans) } else { cjk_sans() };
    if let Some(font) = cjk {
        return Ok(Choice { font, no_cjk: false, substituted: requested.is_some() });
    }
    let any = first_loadable(&LATIN).or_else(|| files().iter().find_map(|p| load(p)));
    match any {
        Some(font) => Ok(Choice { font, no_cjk: true, substituted: requested.is_some() }),
        None => Err(ExecError::new(
            ExecErrorKind::NoFont,
            "no font file found for the text watermark (looked in the system font folders)",
        )),
    }
}

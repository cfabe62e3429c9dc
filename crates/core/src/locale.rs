//! The operating system's UI language, for the UI's first screen. WebKitGTK derives
//! `navigator.language` from the C library's locale, which falls back to "C" when the user's
//! locale is not generated on the machine; the OS setting itself (LANG, LC_ALL, LC_MESSAGES on
//! Linux, the user preference on macOS and Windows) is what the user chose.

/// A BCP-47 tag such as `zh-CN` or `en-US`, or `None` when the OS names none (or "C"/"POSIX").
pub fn os_locale() -> Option<String> {
    sys_locale::get_locale().map(|l| normalize(&l)).filter(|l| !l.is_empty() && l != "C" && l != "POSIX")
}

/// `zh_CN.UTF-8@pinyin` → `zh-CN`.
fn normalize(raw: &str) -> String {
    raw.split(['.', '@']).next().unwrap_or_default().replace('_', "-")
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn posix_names_become_bcp47_tags() {
        assert_eq!(normalize("zh_CN.UTF-8"), "zh-CN");
        assert_eq!(normalize("en_US.utf8@euro"), "en-US");
        assert_eq!(normalize("zh-Hans-CN"), "zh-Hans-CN");
    }
}

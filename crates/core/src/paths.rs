//! Where the app keeps its files. `ZOS_BROWSER_CONFIG_DIR` / `ZOS_BROWSER_DATA_DIR` override the
//! platform folders (used by the sandbox and the tests).

use std::path::PathBuf;

pub fn config_dir() -> PathBuf {
    std::env::var_os("ZOS_BROWSER_CONFIG_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| dirs::config_dir().unwrap_or_else(std::env::temp_dir).join("zos-browser"))
}

pub fn data_dir() -> PathBuf {
    std::env::var_os("ZOS_BROWSER_DATA_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| dirs::data_local_dir().unwrap_or_else(std::env::temp_dir).join("zos-browser"))
}

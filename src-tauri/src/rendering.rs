//! How WebKitGTK draws, chosen before it starts.
//!
//! WebKitGTK composites the page with OpenGL by default. Without a GPU (virtual desktops, remote
//! X, CI under Xvfb) that GL is Mesa's llvmpipe, a software rasterizer on the same CPUs as the
//! app, and every frame pays for it. Measured on 2 cores (bench/app-bench.mjs against the same
//! radosgw, runs alternating): with compositing off, a quick-filter keystroke over 100,000 rows
//! took a median 17–19 ms instead of 46–59 ms, scrolling to the middle 21–24 ms instead of
//! 64–76 ms, and loading all 100,000 rows 13 s instead of 30–39 s. So: no GPU render node under
//! /dev/dri → `WEBKIT_DISABLE_COMPOSITING_MODE=1`. With a GPU, WebKit's default stays. A value
//! the user set (even `0`, which keeps compositing on) is left as it is.

use std::path::Path;

/// WebKitGTK's switch: set and not `0`, no accelerated compositing.
pub const COMPOSITING_VAR: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// How the page is drawn, and why (logged once logging runs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drawing {
    /// The user's environment says (kept).
    AsTheUserSet,
    /// A GPU render node exists: WebKit's default, GL compositing.
    GpuCompositing,
    /// No render node: compositing off, WebKit draws with the CPU.
    NoCompositingWithoutGpu,
}

/// The choice, from whether the variable is already set and how many render nodes exist.
pub fn choose(already_set: bool, render_nodes: usize) -> Drawing {
    if already_set {
        Drawing::AsTheUserSet
    } else if render_nodes > 0 {
        Drawing::GpuCompositing
    } else {
        Drawing::NoCompositingWithoutGpu
    }
}

/// The DRM render nodes (`renderD*`) in `dir`; none when it cannot be read.
pub fn render_nodes(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .filter(|e| e.file_name().to_string_lossy().starts_with("renderD"))
                .count()
        })
        .unwrap_or(0)
}

/// Applies the choice to this process's environment (WebKit's processes inherit it). Call first
/// thing in `run`, before any thread starts: the environment is not safe to change after.
pub fn set_up() -> Drawing {
    if !cfg!(target_os = "linux") {
        return Drawing::AsTheUserSet;
    }
    let choice = choose(std::env::var_os(COMPOSITING_VAR).is_some(), render_nodes(Path::new("/dev/dri")));
    if choice == Drawing::NoCompositingWithoutGpu {
        std::env::set_var(COMPOSITING_VAR, "1");
    }
    choice
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compositing_off_only_without_a_render_node_and_never_over_the_users_choice() {
        assert_eq!(choose(false, 0), Drawing::NoCompositingWithoutGpu);
        assert_eq!(choose(false, 1), Drawing::GpuCompositing);
        assert_eq!(choose(true, 0), Drawing::AsTheUserSet);
        assert_eq!(choose(true, 2), Drawing::AsTheUserSet);
    }

    #[test]
    fn counts_render_nodes_only() {
        let dir = std::env::temp_dir().join(format!("zos-dri-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        assert_eq!(render_nodes(&dir), 0);
        std::fs::write(dir.join("card0"), b"").unwrap();
        std::fs::write(dir.join("renderD128"), b"").unwrap();
        assert_eq!(render_nodes(&dir), 1);
        assert_eq!(render_nodes(&dir.join("missing")), 0);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

//! How WebKitGTK paints, chosen before it starts.
//!
//! WebKitGTK (2.46+) paints with Skia on the GPU by default. Without a GPU (virtual desktops,
//! remote X, CI under Xvfb) its GL is Mesa's llvmpipe, a software rasterizer, and painting
//! "on the GPU" then costs more CPU than Skia's own CPU painting: measured with bench/run.sh
//! and the filter probe on 2 cores, keystrokes in the quick filter over 100,000 rows took a
//! median 62–68 ms this way and 26–38 ms with `WEBKIT_SKIA_ENABLE_CPU_RENDERING=1`, in
//! alternating runs. No render node under /dev/dri means no GPU for this process: then ask
//! WebKit for CPU painting. A value the user set is left as it is.

use std::path::Path;

/// WebKit's switch for Skia's CPU painting.
pub const CPU_RENDERING_VAR: &str = "WEBKIT_SKIA_ENABLE_CPU_RENDERING";

/// Why painting is set up as it is (logged once logging runs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Painting {
    /// The user's environment already says (kept).
    AsTheUserSet,
    /// A GPU render node exists: WebKit's default, GPU painting.
    Gpu,
    /// No render node: CPU painting asked for.
    CpuWithoutGpu,
}

/// The choice, from whether the variable is already set and how many render nodes exist.
pub fn choose(already_set: bool, render_nodes: usize) -> Painting {
    if already_set {
        Painting::AsTheUserSet
    } else if render_nodes > 0 {
        Painting::Gpu
    } else {
        Painting::CpuWithoutGpu
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

/// Applies the choice to this process's environment. Call first thing in `run`, before any
/// thread starts (the environment is not safe to change once other threads read it).
pub fn set_up() -> Painting {
    if !cfg!(target_os = "linux") {
        return Painting::AsTheUserSet;
    }
    let choice = choose(std::env::var_os(CPU_RENDERING_VAR).is_some(), render_nodes(Path::new("/dev/dri")));
    if choice == Painting::CpuWithoutGpu {
        std::env::set_var(CPU_RENDERING_VAR, "1");
    }
    choice
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpu_painting_only_without_a_render_node_and_never_over_the_users_choice() {
        assert_eq!(choose(false, 0), Painting::CpuWithoutGpu);
        assert_eq!(choose(false, 1), Painting::Gpu);
        assert_eq!(choose(true, 0), Painting::AsTheUserSet);
        assert_eq!(choose(true, 2), Painting::AsTheUserSet);
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

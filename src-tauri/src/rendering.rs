//! How WebKitGTK draws the window on Linux, chosen before GTK starts.
//!
//! WebKitGTK (2.42 and later) composites pages with OpenGL. On a machine with no GPU render node
//! (`/dev/dri/renderD*`: a VM, a remote desktop, a headless box under Xvfb) that OpenGL is Mesa's
//! llvmpipe, a software rasteriser, so compositing buys nothing and costs memory and frame time:
//! with WebKitGTK 2.50 under Xvfb, the web process of the app showing 1,000 offers held 326 MiB
//! composited against 203 MiB painted directly, and two idle frames took 83 ms against 20 ms
//! (docs/BENCHMARKS.md). So on such a
//! machine the app asks WebKit not to composite (`WEBKIT_DISABLE_COMPOSITING_MODE=1`). With a
//! render node WebKit keeps its default, which uses the GPU.
//!
//! A user's own choice wins: if any WebKit rendering variable is already set, nothing is changed,
//! and `SELLERDESK_WEBKIT_COMPOSITING=default` keeps WebKit's default even without a GPU. WebKit
//! reads these variables once per process, when it starts, so this runs first thing in `run()`.

use std::path::Path;

/// WebKitGTK's variable that turns accelerated compositing off (any value does).
pub const DISABLE_COMPOSITING: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// Variables by which a user (or a distribution's launcher) has already chosen WebKit's renderer.
const USER_CHOICES: [&str; 4] = [
    DISABLE_COMPOSITING,
    "WEBKIT_DISABLE_DMABUF_RENDERER",
    "WEBKIT_FORCE_COMPOSITING_MODE",
    "WEBKIT_SKIA_ENABLE_CPU_RENDERING",
];

/// Ours: `default` leaves WebKit's renderer alone on a machine without a GPU.
pub const KEEP_DEFAULT: &str = "SELLERDESK_WEBKIT_COMPOSITING";

/// What to do about compositing, given the environment and the machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// WebKit's default: a GPU is there, or the user has chosen.
    Leave,
    /// Paint with the CPU, without compositing through a software OpenGL.
    DisableCompositing,
}

/// The decision, apart from the process: `var` reads the environment, `has_render_node` says
/// whether the machine has a GPU render node.
pub fn choose(var: impl Fn(&str) -> Option<String>, has_render_node: bool) -> Choice {
    if USER_CHOICES.iter().any(|name| var(name).is_some()) {
        return Choice::Leave;
    }
    if var(KEEP_DEFAULT).is_some_and(|v| v.trim().eq_ignore_ascii_case("default")) {
        return Choice::Leave;
    }
    if has_render_node {
        Choice::Leave
    } else {
        Choice::DisableCompositing
    }
}

/// Whether `dri` (normally `/dev/dri`) holds a render node, the device a GPU renders through.
pub fn has_render_node(dri: &Path) -> bool {
    std::fs::read_dir(dri)
        .is_ok_and(|entries| entries.flatten().any(|e| e.file_name().to_string_lossy().starts_with("renderD")))
}

/// Applies the choice to this process; call before any thread starts and before GTK does.
pub fn apply_for_this_machine() {
    if !cfg!(target_os = "linux") {
        return;
    }
    let choice = choose(|name| std::env::var(name).ok(), has_render_node(Path::new("/dev/dri")));
    if choice == Choice::DisableCompositing {
        // Single-threaded still: `run()` calls this before Tauri, GTK or the runtime start.
        std::env::set_var(DISABLE_COMPOSITING, "1");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        move |name| map.get(name).cloned()
    }

    #[test]
    fn without_a_gpu_compositing_is_turned_off() {
        assert_eq!(choose(env(&[]), false), Choice::DisableCompositing);
    }

    #[test]
    fn with_a_gpu_webkit_keeps_its_default() {
        assert_eq!(choose(env(&[]), true), Choice::Leave);
    }

    #[test]
    fn a_users_own_webkit_setting_wins() {
        for name in USER_CHOICES {
            assert_eq!(choose(env(&[(name, "0")]), false), Choice::Leave, "{name}");
        }
    }

    #[test]
    fn the_app_setting_keeps_the_default_without_a_gpu() {
        assert_eq!(choose(env(&[(KEEP_DEFAULT, "default")]), false), Choice::Leave);
        assert_eq!(choose(env(&[(KEEP_DEFAULT, " Default ")]), false), Choice::Leave);
        // Anything else is not a recognised value and changes nothing.
        assert_eq!(choose(env(&[(KEEP_DEFAULT, "gpu")]), false), Choice::DisableCompositing);
    }

    #[test]
    fn render_nodes_are_found_by_name() {
        let dir = tempfile::tempdir().unwrap();
        assert!(!has_render_node(dir.path()));
        std::fs::write(dir.path().join("card0"), b"").unwrap();
        assert!(!has_render_node(dir.path()), "a card node alone is not a render node");
        std::fs::write(dir.path().join("renderD128"), b"").unwrap();
        assert!(has_render_node(dir.path()));
        assert!(!has_render_node(&dir.path().join("missing")));
    }
}

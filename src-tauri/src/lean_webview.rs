//! Keeps the webview's memory down.
//!
//! Trine shows a few local pages of text and SVG: it has no use for
//! WebKit's accelerated compositing, WebGL, or a browser's caches of pages
//! visited before. On Linux, with compositing WebKit's web process drew
//! through GL (Mesa, in software where there is no GPU): 222 MB for that
//! process against 128 MB without, and 343 MB against 252 MB for the whole
//! app (BENCHMARKS.md). This turns those off for the main window as soon
//! as it exists.

use tauri::Manager;

/// Turns off what Trine's pages do not use in the main window's webview:
/// accelerated compositing, WebGL and the browsing caches.
///
/// Does nothing on platforms other than Linux, where the system webview
/// manages its own memory.
pub fn trim(app: &tauri::AppHandle) {
    let Some(window) = app.get_webview_window("main") else {
        return;
    };
    if let Err(error) = window.with_webview(trim_platform_webview) {
        // The app works as before, only heavier; nothing to tell the person.
        eprintln!("trine: the webview's settings could not be changed: {error}");
    }
}

#[cfg(target_os = "linux")]
fn trim_platform_webview(webview: tauri::webview::PlatformWebview) {
    use webkit2gtk::{
        CacheModel, HardwareAccelerationPolicy, SettingsExt, WebContextExt, WebViewExt,
    };

    let view = webview.inner();
    if let Some(settings) = WebViewExt::settings(&view) {
        settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
        settings.set_enable_webgl(false);
        settings.set_enable_page_cache(false);
    }
    if let Some(context) = view.context() {
        context.set_cache_model(CacheModel::DocumentViewer);
    }
}

#[cfg(not(target_os = "linux"))]
fn trim_platform_webview(_webview: tauri::webview::PlatformWebview) {}

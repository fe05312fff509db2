//! User text stays text: an entry holding `<script>` or an `onerror`
//! attribute shows what was typed and runs nothing, in the list, in search
//! results and opened.

use std::net::TcpListener;

use serde_json::json;
use trine_app::NewEntry;

use crate::harness::Sandbox;

const TITLE: &str = "<img src=x onerror=\"window.__trine_pwned = 'title'\">";
const BODY: &str = "Before the tags.\n\n\
<script>window.__trine_pwned = 'script'; document.title = 'pwned';</script>\n\n\
<img src=x onerror=\"window.__trine_pwned = 'img'; document.title = 'pwned'\">\n\n\
[a link](javascript:window.__trine_pwned='link')\n\n\
[outside](https://example.invalid/)\n\n\
Typed as code: `<script>alert(1)</script>` and after the tags.";

#[test]
fn script_and_onerror_in_an_entry_show_as_text_and_run_nothing() {
    let Some(sandbox) =
        Sandbox::new_or_skip("script_and_onerror_in_an_entry_show_as_text_and_run_nothing")
    else {
        return;
    };
    sandbox.onboard();
    let id = sandbox
        .journal()
        .create(NewEntry::note(TITLE, BODY))
        .unwrap()
        .id;

    // A web server on this machine: if the window ever left for it, it
    // would hear from the app.
    let server = TcpListener::bind("127.0.0.1:0").unwrap();
    server.set_nonblocking(true).unwrap();
    let local = server.local_addr().unwrap();

    let report = sandbox.run_app(|app| async move {
        // The list and search results: title and words as text.
        app.go("#/journal", "#entry-list .entry-item").await?;
        let list_title = app.text("#entry-list .entry-title").await?;
        app.type_into("#journal-search", "tags").await?;
        app.wait_for("#entry-list mark").await?;
        let snippet = app.text("#entry-list .entry-excerpt").await?;
        // The entry opened: rendered, sanitised.
        app.go(&format!("#/entry/{id}"), "#entry-body p").await?;
        // Let any handler that could run have its chance.
        app.run_script("setTimeout(arguments[arguments.length - 1], 500);")
            .await?;
        let title = app.text("#entry-title").await?;
        let body = app.text("#entry-body").await?;
        // Links go nowhere: not to script, not out of the app.
        app.click("#entry-body a:not([href])").await?;
        app.click("#entry-body a[href^='https:']").await?;
        let toast = app.wait_for_text(".toast").await?;
        let location = app.eval("return location.href;").await?;
        let page = app
            .eval(
                "return {
                   pwned: window.__trine_pwned ?? null,
                   documentTitle: document.title,
                   images: document.querySelectorAll('img:not(.brand-mark)').length,
                   scripts: document.querySelectorAll('body script').length,
                   handlers: document.querySelectorAll('[onerror], [onload], [onclick]').length,
                   code: document.querySelector('#entry-body code')?.textContent ?? null,
                 };",
            )
            .await?;
        app.save_screenshot("entry-unsafe-light.png").await?;
        // And the shell's own guard: even a script cannot take the window
        // to another site.
        app.eval(&format!("location.assign('http://{local}/'); return null;"))
            .await?;
        app.run_script("setTimeout(arguments[arguments.length - 1], 1000);")
            .await?;
        let after_assign = app.eval("return location.href;").await?;
        Ok(json!({
            "list_title": list_title, "snippet": snippet, "title": title, "body": body,
            "page": page, "toast": toast, "location": location, "after_assign": after_assign,
        }))
    });

    assert_eq!(
        report["page"]["pwned"],
        json!(null),
        "nothing ran: {report}"
    );
    assert_eq!(report["page"]["documentTitle"], "Trine", "{report}");
    assert_eq!(
        report["page"]["images"], 0,
        "no image element made from text: {report}"
    );
    assert_eq!(
        report["page"]["scripts"], 0,
        "no script element made from text: {report}"
    );
    assert_eq!(
        report["page"]["handlers"], 0,
        "no event handler attributes: {report}"
    );
    assert_eq!(
        report["list_title"], TITLE,
        "the title shows as typed, as text"
    );
    assert_eq!(
        report["title"], TITLE,
        "the opened title shows as typed, as text"
    );
    assert_eq!(
        report["page"]["code"], "<script>alert(1)</script>",
        "markup typed as code shows as text"
    );
    let body = report["body"].as_str().unwrap();
    assert!(
        body.contains("Before the tags.") && body.contains("and after the tags."),
        "the words around the markup are shown: {body}"
    );
    let snippet = report["snippet"].as_str().unwrap();
    assert!(
        snippet.contains("tags"),
        "the search snippet shows the text: {snippet}"
    );
}

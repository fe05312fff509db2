//! The everyday life of a desktop app: the weekly reminder as a real
//! notification on the session bus at a time the test sets, the "this week
//! is due" state, one instance at a time, a window that keeps its size, and
//! starting at login.

use std::process::Child;
use std::time::{Duration, Instant};
use trine_app::prelude::*;

use crate::harness::{Sandbox, Step};
use crate::session_bus::Notifications;
use crate::x_display::{focused_window, move_focus_away, window_states, Stopped};

/// Waits, without blocking the page's session, until `text` was seen on
/// the bus.
async fn seen_on_the_bus(bus: &Notifications, text: &str, limit: Duration) -> Step<()> {
    let deadline = Instant::now() + limit;
    while !bus.seen().contains(text) {
        if Instant::now() >= deadline {
            return Err(format!(
                "{text:?} was not seen on the bus within {limit:?}; seen:\n{}",
                bus.seen()
            ));
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    Ok(())
}

#[test]
fn the_weekly_reminder_is_a_notification_on_the_bus_once_its_time_passes() {
    let Some(sandbox) = Sandbox::new_or_skip(
        "the_weekly_reminder_is_a_notification_on_the_bus_once_its_time_passes",
    ) else {
        return;
    };
    sandbox.onboard();
    let bus = sandbox
        .watch_notifications()
        .expect("a notification daemon on the sandbox's bus");
    // Friday 27 November 2026, 20 s before the default reminder (Friday at
    // 16:00), with this week not written.
    sandbox.set_env("TRINE_NOW", "2026-11-27T15:59:40");

    let watched = bus.clone();
    let (due_before, marked_before, notified_early, due_after) = sandbox.run_app(|app| async move {
        app.wait_for("#week-label").await?;
        let due_before = app.is_shown("#week-due").await?;
        // Asked afresh, so that the answer is the shell's, not the page's
        // state before its first answer arrived.
        let marked_before = app
            .eval(
                "return window.__trineRefreshDue().then(() =>
                   document.querySelector('.nav a[data-screen=week]').classList.contains('is-due'));",
            )
            .await?;
        let notified_early = watched.count();
        seen_on_the_bus(
            &watched,
            "Time for this week's reflection",
            Duration::from_secs(60),
        )
        .await?;
        // The bar marks the week as due without leaving the screen.
        app.wait_until(
            "document.querySelector('.nav a[data-screen=week]').classList.contains('is-due')",
            "the mark on This week once the reminder time passes",
        )
        .await?;
        // Opening This week now shows the week as due.
        app.go("#/settings", "#setting-first-day").await?;
        app.go("#/week", "#week-label").await?;
        let due_after = app.is_shown("#week-due").await?;
        app.save_screenshot("week-due.png").await?;
        // Another check or two passes (every 5 s): still one reminder.
        tokio::time::sleep(Duration::from_secs(11)).await;
        Ok((due_before, marked_before, notified_early, due_after))
    });

    assert!(!due_before, "not due before the reminder's time");
    assert_eq!(
        marked_before,
        serde_json::Value::Bool(false),
        "no mark before its time"
    );
    assert_eq!(notified_early, 0, "no notification before its time");
    assert!(due_after, "This week says the week is due");
    let seen = bus.seen();
    assert!(
        seen.contains("one for each side of your triangle"),
        "the body is on the bus too:\n{seen}"
    );
    assert_eq!(bus.count(), 1, "one reminder a week:\n{seen}");
    let at = chrono::NaiveDateTime::parse_from_str("2026-11-27 17:00", "%Y-%m-%d %H:%M").unwrap();
    assert_eq!(
        sandbox.journal().reminder_due(at).unwrap(),
        None,
        "the journal remembers the week was reminded"
    );
}

#[test]
fn a_second_launch_brings_the_first_window_forward_and_ends() {
    let Some(sandbox) =
        Sandbox::new_or_skip("a_second_launch_brings_the_first_window_forward_and_ends")
    else {
        return;
    };
    assert!(
        sandbox.has_session_bus(),
        "dbus-daemon is needed for the single-instance handover; run scripts/setup.sh"
    );
    sandbox.onboard();

    let launcher = &sandbox;
    let (away, second_exit, focused, running) = sandbox.run_app(|app| async move {
        app.wait_for("#week-label").await?;
        move_focus_away()?;
        let away = focused_window();
        let second_exit = exit_code_within_30_s(launcher.launch_directly())?;
        let deadline = Instant::now() + Duration::from_secs(10);
        while focused_window() != "Trine" && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let running = app.text("#week-label").await.is_ok();
        Ok((away, second_exit, focused_window(), running))
    });

    assert_ne!(away, "Trine", "the focus was elsewhere first");
    assert_eq!(second_exit, Some(0), "the second launch ends at once");
    assert_eq!(focused, "Trine", "the first window has the focus");
    assert!(running, "and the first app still answers");
}

#[test]
fn the_window_keeps_its_size_from_one_run_to_the_next() {
    let Some(sandbox) = Sandbox::new_or_skip("the_window_keeps_its_size_from_one_run_to_the_next")
    else {
        return;
    };
    sandbox.onboard();

    let (default, resized) = sandbox.run_app(|app| async move {
        app.wait_for("#week-label").await?;
        let default = app.window_size().await?;
        app.resize(820, 640).await?;
        tokio::time::sleep(Duration::from_millis(500)).await;
        let resized = app.window_size().await?;
        app.close_window().await?;
        Ok((default, resized))
    });
    let again = sandbox.run_app(|app| async move {
        app.wait_for("#week-label").await?;
        app.window_size().await
    });

    assert_ne!(default, resized, "the resize took");
    assert_eq!(again, resized, "the next run opens at the size it was left");
    let saved = sandbox
        .config_home()
        .join("app.trine.journal/.window-state.json");
    assert!(saved.exists(), "{} is written", saved.display());
}

#[test]
fn starting_at_login_and_the_reminder_are_chosen_in_settings() {
    let Some(sandbox) =
        Sandbox::new_or_skip("starting_at_login_and_the_reminder_are_chosen_in_settings")
    else {
        return;
    };
    sandbox.onboard();
    let autostart = sandbox.home().join(".config/autostart");
    let entry = || -> Option<String> {
        let file = std::fs::read_dir(&autostart).ok()?.flatten().next()?;
        std::fs::read_to_string(file.path()).ok()
    };

    let (on, off) = sandbox.run_app(|app| async move {
        app.go("#/settings", "#setting-autostart").await?;
        app.click("#setting-autostart").await?;
        app.wait_until(
            "document.querySelector('#setting-autostart').checked",
            "starting at login is on",
        )
        .await?;
        let deadline = Instant::now() + Duration::from_secs(5);
        while entry().is_none() && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let on = entry();
        app.click("#setting-autostart").await?;
        app.wait_until(
            "!document.querySelector('#setting-autostart').checked",
            "starting at login is off",
        )
        .await?;
        let off = entry();
        app.click("#setting-reminder-on").await?;
        app.wait_until(
            "document.querySelector('#settings-save-state').textContent === 'Saved'",
            "the reminder setting is saved",
        )
        .await?;
        Ok((on, off))
    });

    let on = on.expect("an autostart entry in ~/.config/autostart");
    assert!(on.contains("Exec=") && on.contains("--minimized"), "{on}");
    assert_eq!(off, None, "the entry is gone when turned off");
    assert!(
        !sandbox.journal().app_settings().unwrap().reminder_enabled,
        "the reminder was turned off"
    );
}

#[test]
fn the_reminder_comes_while_an_encrypted_journal_is_locked() {
    let Some(sandbox) =
        Sandbox::new_or_skip("the_reminder_comes_while_an_encrypted_journal_is_locked")
    else {
        return;
    };
    {
        let mut journal =
            trine_app::Journal::open_in_with(&sandbox.data_dir, Some("pass phrase")).unwrap();
        let mut settings = journal.app_settings().unwrap();
        settings.onboarded = true;
        // Longer than the reminder thread's look (5 s), shorter than the
        // wait for four o'clock.
        settings.lock_after_seconds = 8;
        journal.save_app_settings(&settings).unwrap();
    }
    let bus = sandbox
        .watch_notifications()
        .expect("a notification daemon on the sandbox's bus");
    sandbox.set_env("TRINE_NOW", "2026-11-27T15:59:30");

    let watched = bus.clone();
    let (early, locked_when_reminded) = sandbox.run_app(|app| async move {
        app.type_into("#unlock-passphrase", "pass phrase").await?;
        app.click("#unlock-open").await?;
        app.wait_for("#week-label").await?;
        // Left alone, it locks before four o'clock.
        app.wait_for("#unlock-passphrase").await?;
        let early = watched.count();
        seen_on_the_bus(
            &watched,
            "Time for this week's reflection",
            Duration::from_secs(60),
        )
        .await?;
        let locked_when_reminded = app.is_shown("#unlock-passphrase").await?;
        // Unlocked again, the journal records the week reminded.
        app.type_into("#unlock-passphrase", "pass phrase").await?;
        app.click("#unlock-open").await?;
        app.wait_for("#week-label").await?;
        tokio::time::sleep(Duration::from_secs(6)).await;
        Ok((early, locked_when_reminded))
    });

    assert_eq!(early, 0, "nothing before four o'clock");
    assert!(locked_when_reminded, "the journal was locked when it came");
    assert_eq!(bus.count(), 1, "once:\n{}", bus.seen());
    let journal = trine_app::Journal::open_in_with(&sandbox.data_dir, Some("pass phrase")).unwrap();
    let at = chrono::NaiveDateTime::parse_from_str("2026-11-27 17:00", "%Y-%m-%d %H:%M").unwrap();
    assert_eq!(
        journal.reminder_due(at).unwrap(),
        None,
        "recorded once unlocked"
    );
}

/// The exit code of `launch`, which should end within 30 s; it is stopped
/// and the test fails if it does not.
fn exit_code_within_30_s(launch: Child) -> Step<Option<i32>> {
    let mut launch = Stopped(launch);
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        if let Some(status) = launch.0.try_wait().map_err(|e| e.to_string())? {
            return Ok(status.code());
        }
        if Instant::now() >= deadline {
            return Err("the second launch was still running after 30 s".into());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Waits up to 15 s for `pid`'s window to be in `state`; returns the last
/// state seen.
fn wait_for_window_state(pid: u32, state: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let seen = window_states(pid);
        if seen == state || Instant::now() >= deadline {
            return seen;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Started at login (the entry's `--minimized`), Trine opens minimised,
/// and opening it from the menu then brings the window back. Under a
/// window manager (see `Sandbox::run_directly`): Xvfb alone minimises
/// nothing.
#[test]
fn started_at_login_the_window_opens_minimised() {
    let Some(sandbox) = Sandbox::new_or_skip("started_at_login_the_window_opens_minimised") else {
        return;
    };
    assert!(
        sandbox.has_session_bus(),
        "dbus-daemon is needed for the single-instance handover; run scripts/setup.sh"
    );
    sandbox.onboard();
    let (at_login, second_exit, after) = sandbox.run_directly(&["--minimized"], |app| {
        let at_login = wait_for_window_state(app.id(), "iconic");
        let second_exit = exit_code_within_30_s(sandbox.launch_directly());
        let after = wait_for_window_state(app.id(), "normal");
        (at_login, second_exit, after)
    });

    assert_eq!(
        at_login, "iconic",
        "started at login, the window is minimised"
    );
    assert_eq!(
        second_exit,
        Ok(Some(0)),
        "the second launch hands over and ends"
    );
    assert_eq!(after, "normal", "and the window is back");
}

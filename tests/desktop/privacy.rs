//! Backups, encryption, the idle lock and erasing, in the real app.

use std::time::{Duration, Instant};
use trine_app::prelude::*;

use trine_app::backup::list_backups;
use trine_app::{Journal, NewEntry};

use crate::harness::Sandbox;

const WORD: &str = "Marzipanwald";

fn backups(sandbox: &Sandbox) -> usize {
    list_backups(&sandbox.data_dir.join("backups"))
        .unwrap()
        .len()
}

#[test]
fn the_day_s_backup_is_taken_after_start_up_and_backups_can_be_taken_and_restored() {
    let Some(sandbox) = Sandbox::new_or_skip(
        "the_day_s_backup_is_taken_after_start_up_and_backups_can_be_taken_and_restored",
    ) else {
        return;
    };
    sandbox.onboard();
    sandbox.seed_notes(1);
    let data_dir = sandbox.data_dir.clone();

    let (at_first_screen, rows) = sandbox.run_app(|app| async move {
        app.wait_for("#week-label").await?;
        let at_first_screen = list_backups(&data_dir.join("backups")).unwrap().len();
        let deadline = Instant::now() + Duration::from_secs(20);
        while list_backups(&data_dir.join("backups")).unwrap().is_empty() {
            if Instant::now() > deadline {
                return Err("no automatic backup within 20 s of start-up".into());
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        app.go("#/backups", ".backup-row").await?;
        app.click("#backup-now").await?;
        app.wait_until(
            "document.querySelectorAll('.backup-row').length === 2",
            "Back up now adds a backup",
        )
        .await?;
        app.save_screenshot("backups-light.png").await?;
        // A note written after the backups, then the newest backup restored.
        Journal::open_in(&data_dir)
            .unwrap()
            .create(NewEntry::note("After", "written after the backups"))
            .unwrap();
        app.click(".backup-row button").await?;
        app.wait_for("#restore-confirm[open]").await?;
        app.click("#restore-go").await?;
        app.wait_until(
            "document.querySelector('#toasts').textContent.startsWith('Restored')",
            "the restore says it is done",
        )
        .await?;
        let rows = app
            .eval("return document.querySelectorAll('.backup-row').length;")
            .await?;
        Ok((at_first_screen, rows))
    });

    assert_eq!(
        at_first_screen, 0,
        "the backup never delays the first screen"
    );
    assert_eq!(
        rows, 2,
        "the replaced journal is kept, but not listed as a backup"
    );
    let journal = sandbox.journal();
    assert_eq!(
        journal.entry_count().unwrap(),
        1,
        "the restore took the journal back"
    );
    drop(journal);

    // A second start the same day takes no second automatic backup.
    sandbox.run_app(|app| async move {
        app.wait_for("#week-label").await?;
        tokio::time::sleep(Duration::from_secs(5)).await;
        Ok(())
    });
    assert_eq!(backups(&sandbox), 2);
}

#[test]
fn erasing_everything_needs_the_word_and_leaves_an_empty_journal() {
    let Some(sandbox) =
        Sandbox::new_or_skip("erasing_everything_needs_the_word_and_leaves_an_empty_journal")
    else {
        return;
    };
    sandbox.onboard();
    sandbox.seed_notes(3);
    sandbox.journal().backup_now().unwrap();

    let disabled_while_wrong = sandbox.run_app(|app| async move {
        app.go("#/backups", ".backup-row").await?;
        app.click("#erase-open").await?;
        app.wait_for("#erase-confirm[open]").await?;
        app.type_into("#erase-word", "eras").await?;
        let disabled = app
            .eval("return document.querySelector('#erase-go').disabled;")
            .await?;
        app.type_into("#erase-word", "e").await?;
        app.click("#erase-go").await?;
        app.wait_until(
            "location.hash === '#/welcome'",
            "a fresh start after erasing",
        )
        .await?;
        Ok(disabled)
    });

    assert_eq!(
        disabled_while_wrong, true,
        "erasing waits for the whole word"
    );
    assert_eq!(sandbox.journal().entry_count().unwrap(), 0);
    assert_eq!(backups(&sandbox), 0, "the backups are gone too");
}

#[test]
fn encryption_is_turned_on_from_settings_and_a_wrong_passphrase_changes_nothing() {
    let Some(sandbox) = Sandbox::new_or_skip(
        "encryption_is_turned_on_from_settings_and_a_wrong_passphrase_changes_nothing",
    ) else {
        return;
    };
    sandbox.onboard();
    sandbox
        .journal()
        .create(NewEntry::note("Secret", WORD))
        .unwrap();
    let backup = sandbox.journal().backup_now().unwrap().path;

    let (warning, state, note, wrong) = sandbox.run_app(|app| async move {
        app.go("#/settings", "#passphrase-on").await?;
        app.click("#passphrase-on").await?;
        app.wait_for("#passphrase-dialog[open]").await?;
        let warning = app.text("#passphrase-warning").await?;
        app.type_into("#passphrase-new", "correct horse").await?;
        app.type_into("#passphrase-again", "correct horse").await?;
        app.click("#passphrase-go").await?;
        app.wait_until(
            "document.querySelector('#privacy-state').textContent.includes('is encrypted')",
            "Settings says the journal is encrypted",
        )
        .await?;
        let state = app.text("#privacy-state").await?;
        let note = app.text("#privacy-note").await?;
        app.click("#passphrase-off").await?;
        app.type_into("#passphrase-current", "wrong horse").await?;
        app.click("#passphrase-go").await?;
        app.wait_until(
            "document.querySelector('#passphrase-problem').textContent !== ''",
            "a wrong passphrase is refused",
        )
        .await?;
        let wrong = app.text("#passphrase-problem").await?;
        Ok((warning, state, note, wrong))
    });

    assert!(warning.contains("cannot be opened again"), "{warning}");
    assert!(state.contains("is encrypted"), "{state}");
    assert!(
        note.contains("Your backup was encrypted with the new passphrase too"),
        "{note}"
    );
    assert!(wrong.contains("nothing was changed"), "{wrong}");
    let err = Journal::open_in(&sandbox.data_dir).unwrap_err();
    assert_eq!(err.code(), "locked", "still encrypted: {err}");
    let journal = Journal::open_in_with(&sandbox.data_dir, Some("correct horse")).unwrap();
    assert_eq!(journal.search(WORD, 5).unwrap().len(), 1);
    drop(journal);
    for path in [sandbox.data_dir.join("journal.db"), backup] {
        let file = std::fs::read(&path).unwrap();
        assert!(
            !file.windows(WORD.len()).any(|w| w == WORD.as_bytes()),
            "the entry's words are readable in {}",
            path.display()
        );
    }
}

#[test]
fn an_encrypted_journal_locks_itself_after_the_idle_time() {
    let Some(sandbox) =
        Sandbox::new_or_skip("an_encrypted_journal_locks_itself_after_the_idle_time")
    else {
        return;
    };
    {
        let mut journal = Journal::open_in_with(&sandbox.data_dir, Some("pass phrase")).unwrap();
        let mut settings = journal.app_settings().unwrap();
        settings.onboarded = true;
        settings.lock_after_seconds = 2;
        journal.save_app_settings(&settings).unwrap();
    }

    sandbox.run_app(|app| async move {
        app.type_into("#unlock-passphrase", "pass phrase").await?;
        app.click("#unlock-open").await?;
        app.wait_for("#week-label").await?;
        // Left alone, it locks and asks again.
        app.wait_for("#unlock-passphrase").await?;
        let count = app
            .eval("return window.__TAURI__.core.invoke('entry_count').then(() => 'open', (e) => e.code);")
            .await?;
        if count != "locked" {
            return Err(format!("the journal was not locked: {count}"));
        }
        app.type_into("#unlock-passphrase", "pass phrase").await?;
        app.click("#unlock-open").await?;
        app.wait_for("#week-label").await?;
        Ok(())
    });
}

/// A journal whose file was damaged on disk opens on a screen that lists
/// the backups and brings back the newest good one (a newer backup that
/// fails its checks is passed over), keeping the damaged bytes aside.
#[test]
fn a_damaged_journal_is_brought_back_from_its_newest_good_backup() {
    let Some(sandbox) =
        Sandbox::new_or_skip("a_damaged_journal_is_brought_back_from_its_newest_good_backup")
    else {
        return;
    };
    sandbox.onboard();
    sandbox.seed_notes(3);
    sandbox.journal().backup_now().unwrap();
    // A newer "backup" that is not a Trine journal at all.
    let backups_dir = sandbox.data_dir.join("backups");
    let foreign = backups_dir.join("journal-29991231-235959-000.db");
    rusqlite::Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE notes (body TEXT); PRAGMA user_version = 2;")
        .unwrap();
    sandbox
        .journal()
        .create(NewEntry::note("After the backup", "lost with the disk"))
        .unwrap();
    let file = sandbox.data_dir.join(trine_app::store::JOURNAL_FILE);
    {
        use std::io::Write;
        let mut f = std::fs::OpenOptions::new().write(true).open(&file).unwrap();
        f.write_all(&[0u8; 100]).unwrap();
    }
    let damaged = std::fs::read(&file).unwrap();

    let (listed, toast) = sandbox.run_app(|app| async move {
        app.wait_for("#damaged-restore").await?;
        app.wait_until(
            "document.querySelectorAll('#damaged-backups .damaged-backup').length === 2",
            "the backups are listed",
        )
        .await?;
        let listed = app
            .eval("return document.querySelectorAll('#damaged-backups .damaged-backup').length;")
            .await?;
        app.save_screenshot("damaged-light.png").await?;
        app.set_theme("dark").await?;
        app.save_screenshot("damaged-dark.png").await?;
        app.resize(600, 720).await?;
        app.save_screenshot("damaged-600.png").await?;
        app.set_theme("light").await?;
        app.click("#damaged-restore").await?;
        app.wait_until(
            "document.querySelector('#toasts').textContent.startsWith('Restored')",
            "the restore says it is done",
        )
        .await?;
        let toast = app.text("#toasts").await?;
        app.wait_for("#week-label").await?;
        Ok((listed, toast))
    });

    assert_eq!(listed, 2);
    assert!(toast.contains("3 entries"), "{toast}");
    assert!(toast.contains("passed over"), "{toast}");
    assert_eq!(sandbox.journal().entry_count().unwrap(), 3);
    let kept: Vec<_> = std::fs::read_dir(&backups_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("damaged-")
        })
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert_eq!(std::fs::read(&kept[0]).unwrap(), damaged, "kept as it was");
}

/// The journal is encrypted by another Trine (here, the core in the test's
/// own process) while the app has it open and a note is being edited: the
/// save is refused, the app asks for the passphrase over the editor, and
/// the words typed are saved once it is given.
#[test]
fn an_edit_made_while_another_trine_encrypts_the_journal_is_saved_after_the_passphrase() {
    let Some(sandbox) = Sandbox::new_or_skip(
        "an_edit_made_while_another_trine_encrypts_the_journal_is_saved_after_the_passphrase",
    ) else {
        return;
    };
    sandbox.onboard();
    let id = sandbox
        .journal()
        .create(NewEntry::note("Retro", WORD))
        .unwrap()
        .id;
    let data_dir = sandbox.data_dir.clone();

    let title = sandbox.run_app(|app| async move {
        app.go(&format!("#/entry/{id}"), "#entry-title").await?;
        app.click("#entry-edit").await?;
        app.wait_for("#note-title-input").await?;
        // Another Trine encrypts the journal now.
        Journal::open_in(&data_dir)
            .unwrap()
            .set_passphrase(Some("from elsewhere"))
            .unwrap();
        app.type_into("#note-title-input", " notes").await?;
        app.click("#note-done").await?;
        app.wait_for("#replaced-unlock[open] #unlock-passphrase")
            .await?;
        app.save_screenshot("replaced-unlock-light.png").await?;
        let still_typed = app.value("#note-title-input").await?;
        app.type_into("#unlock-passphrase", "from elsewhere")
            .await?;
        app.click("#unlock-open").await?;
        app.wait_until(
            "document.querySelector('#replaced-unlock') === null",
            "the dialog goes once the journal is open",
        )
        .await?;
        app.click("#note-done").await?;
        app.wait_for_text("#entry-title").await?;
        Ok(still_typed)
    });

    assert_eq!(title, "Retro notes", "the words stayed in the editor");
    let journal = Journal::open_in_with(&sandbox.data_dir, Some("from elsewhere")).unwrap();
    assert_eq!(journal.get(id).unwrap().title, "Retro notes");
}

/// Backups to a second folder chosen in the system's folder dialog: the
/// Backups screen names both places, and a backup goes to each.
#[test]
fn backups_can_also_go_to_a_folder_on_another_disk() {
    let Some(sandbox) = Sandbox::new_or_skip("backups_can_also_go_to_a_folder_on_another_disk")
    else {
        return;
    };
    assert!(
        crate::file_dialog::can_answer_dialogs(),
        "xdotool is needed to answer the folder dialog; run scripts/setup.sh"
    );
    sandbox.onboard();
    sandbox.seed_notes(3);
    let other_disk = sandbox.data_dir.parent().unwrap().join("usb-disk");
    std::fs::create_dir_all(&other_disk).unwrap();
    let chosen = other_disk.clone();
    let (places, only_there) = sandbox.run_app(|app| async move {
        app.go("#/backups", "#backup-choose-folder").await?;
        app.click("#backup-choose-folder").await?;
        crate::file_dialog::answer_folder_dialog("Choose a folder for backups", &chosen).await?;
        app.wait_until(
            "document.querySelectorAll('#backup-places .backup-place').length === 2",
            "two places",
        )
        .await?;
        app.wait_until(
            "[...document.querySelectorAll('.place-note')].every(n => /newest backup/.test(n.textContent))",
            "a backup in each",
        )
        .await?;
        let places = app
            .eval("return [...document.querySelectorAll('#backup-places .path')].map(p => p.textContent);")
            .await?;
        app.save_screenshot("backups-two-places-light.png").await?;
        app.click("#backup-beside").await?;
        app.wait_until(
            "document.querySelectorAll('#backup-places .backup-place').length === 1",
            "the chosen folder only",
        )
        .await?;
        let only_there = app.text("#backup-places .path").await?;
        Ok((places, only_there))
    });
    let places: Vec<String> = serde_json::from_value(places).unwrap();
    assert_eq!(places.len(), 2);
    assert!(places[0].ends_with("/backups"), "{places:?}");
    assert_eq!(places[1], other_disk.display().to_string());
    assert_eq!(only_there, other_disk.display().to_string());
    assert_eq!(
        trine_app::backup::list_backups(&other_disk).unwrap().len(),
        1,
        "a backup was taken there at once"
    );
    assert!(
        !trine_app::before_unlock::read(&sandbox.data_dir).backups_beside_journal,
        "the choice is kept beside the journal"
    );
}

/// The folder chosen for backups is on a disk that is unplugged: the
/// automatic backup after start-up fails, and the page says so (not only a
/// terminal nobody reads), with the way to the Backups screen, which says
/// it until a backup succeeds.
#[test]
fn a_failed_automatic_backup_is_told_on_the_page_until_one_succeeds() {
    let Some(sandbox) =
        Sandbox::new_or_skip("a_failed_automatic_backup_is_told_on_the_page_until_one_succeeds")
    else {
        return;
    };
    sandbox.onboard();
    sandbox.seed_notes(2);
    let usb = sandbox.data_dir.parent().unwrap().join("usb-disk");
    std::fs::create_dir_all(&usb).unwrap();
    let journal_file = sandbox.data_dir.join("journal.db");
    trine_app::backup::choose_backup_places(&journal_file, Some(&usb), false).unwrap();
    std::fs::remove_dir_all(&usb).unwrap();
    let plug_in = usb.clone();
    let (alert, notice) = sandbox.run_app(|app| async move {
        app.wait_until(
            "/automatic backup did not complete/.test(document.getElementById('status').textContent)",
            "the page tells of the failed backup",
        )
        .await?;
        let alert = app.text("#status").await?;
        app.save_screenshot("automatic-backup-failed-alert-light.png").await?;
        app.click("#status .status-action").await?;
        app.wait_for("#backup-trouble").await?;
        app.wait_until(
            "!document.getElementById('backup-trouble').hidden",
            "the Backups screen says it too",
        )
        .await?;
        let notice = app.text("#backup-trouble").await?;
        app.save_screenshot("backups-automatic-failed-light.png").await?;
        app.set_theme("dark").await?;
        app.save_screenshot("backups-automatic-failed-dark.png").await?;
        app.resize(600, 800).await?;
        app.set_theme("light").await?;
        app.save_screenshot("backups-automatic-failed-600.png").await?;
        std::fs::create_dir_all(&plug_in).map_err(|e| e.to_string())?;
        app.click("#backup-now").await?;
        app.wait_until(
            "document.getElementById('backup-trouble').hidden",
            "a backup that succeeds ends the notice",
        )
        .await?;
        Ok((alert, notice))
    });
    assert!(alert.contains("usb-disk"), "names the folder: {alert}");
    assert!(alert.contains("Open Backups"), "{alert}");
    assert!(
        notice.contains("usb-disk") && notice.contains("Back up now to try again"),
        "{notice}"
    );
    assert_eq!(trine_app::backup::list_backups(&usb).unwrap().len(), 1);
}

/// A failing disk damages a page of old entries after a backup and more
/// writing. Restoring the backup from the Backups screen brings back, from
/// the damaged journal it replaces, what was written after the backup, and
/// says so; nothing the backup holds is doubled.
#[test]
fn restoring_over_a_damaged_journal_brings_back_what_was_written_since() {
    let Some(sandbox) =
        Sandbox::new_or_skip("restoring_over_a_damaged_journal_brings_back_what_was_written_since")
    else {
        return;
    };
    sandbox.onboard();
    let filler = "words ".repeat(200);
    let mut journal = sandbox.journal();
    for i in 0..12 {
        journal
            .create(NewEntry::note(format!("old {i:02}"), &filler))
            .unwrap();
    }
    journal.backup_now().unwrap();
    for i in 0..2 {
        journal
            .create(NewEntry::note(
                format!("written since {i}"),
                "after the backup",
            ))
            .unwrap();
    }
    drop(journal);
    let file = sandbox.data_dir.join("journal.db");
    let mut bytes = std::fs::read(&file).unwrap();
    let at = bytes
        .windows(6)
        .position(|w| w == b"old 03")
        .expect("the old entry is in the file");
    let page = at / 4096;
    bytes[page * 4096 + 8..page * 4096 + 120].fill(0xA5);
    std::fs::write(&file, bytes).unwrap();

    let said = sandbox.run_app(|app| async move {
        app.go("#/backups", ".backup-row").await?;
        app.click(".backup-row button").await?;
        app.wait_for("#restore-confirm[open]").await?;
        app.click("#restore-go").await?;
        app.wait_until(
            "document.querySelector('#toasts').textContent.startsWith('Restored')",
            "the restore says it is done",
        )
        .await?;
        let said = app.text("#toasts").await?;
        app.save_screenshot("backups-restored-over-damage-light.png")
            .await?;
        Ok(said)
    });
    assert!(
        said.contains("2 entries brought back") && said.contains("could not be read"),
        "{said}"
    );
    let journal = sandbox.journal();
    let titles: Vec<String> = journal
        .list(&Default::default())
        .unwrap()
        .into_iter()
        .map(|e| e.title)
        .collect();
    assert_eq!(titles.len(), 14, "{titles:?}");
    assert!(titles.iter().any(|t| t == "written since 1"), "{titles:?}");
    assert!(titles.iter().any(|t| t == "old 03"), "{titles:?}");
    assert!(journal.health().unwrap().is_ok());
}

/// Backups moved to another folder: the Backups screen lists the folder
/// chosen before, whose copies still change with the journal, and forgets
/// it only after a confirmation that says its copies stay as they are.
#[test]
fn a_folder_chosen_before_is_listed_and_forgotten_after_a_confirmation() {
    let Some(sandbox) =
        Sandbox::new_or_skip("a_folder_chosen_before_is_listed_and_forgotten_after_a_confirmation")
    else {
        return;
    };
    sandbox.onboard();
    sandbox.seed_notes(2);
    let old_disk = sandbox.data_dir.parent().unwrap().join("old-usb");
    std::fs::create_dir_all(&old_disk).unwrap();
    let file = sandbox.data_dir.join("journal.db");
    trine_app::backup::choose_backup_places(&file, Some(&old_disk), true).unwrap();
    sandbox.journal().backup_now().unwrap();
    trine_app::backup::choose_backup_places(&file, None, true).unwrap();

    let (listed, asked) = sandbox.run_app(|app| async move {
        app.go("#/backups", "#backup-former").await?;
        app.wait_until(
            "!document.getElementById('backup-former').hidden",
            "the folder chosen before is listed",
        )
        .await?;
        let listed = app.text("#backup-former").await?;
        app.save_screenshot("backups-former-folder-light.png")
            .await?;
        app.set_theme("dark").await?;
        app.save_screenshot("backups-former-folder-dark.png")
            .await?;
        app.resize(600, 800).await?;
        app.set_theme("light").await?;
        app.save_screenshot("backups-former-folder-600.png").await?;
        app.click(".forget-folder").await?;
        app.wait_for("#forget-confirm[open]").await?;
        let asked = app.text("#forget-text").await?;
        app.click("#forget-go").await?;
        app.wait_until(
            "document.getElementById('backup-former').hidden",
            "the folder is forgotten",
        )
        .await?;
        Ok((listed, asked))
    });
    assert!(
        listed.contains("old-usb") && listed.contains("1 backup there"),
        "{listed}"
    );
    assert!(
        asked.contains("stay there as they are") && asked.contains("unencrypted"),
        "{asked}"
    );
    assert!(trine_app::backup::former_backup_folders(&file).is_empty());
    assert_eq!(
        trine_app::backup::list_backups(&old_disk).unwrap().len(),
        1,
        "its backup stays"
    );
}

/// The lock screen of an encrypted journal follows the dark theme chosen
/// in Settings, though the journal (which holds the setting) is locked.
#[test]
fn the_lock_screen_follows_the_chosen_theme() {
    let Some(sandbox) = Sandbox::new_or_skip("the_lock_screen_follows_the_chosen_theme") else {
        return;
    };
    {
        let mut journal = Journal::open_in_with(&sandbox.data_dir, Some("pass phrase")).unwrap();
        let mut settings = journal.app_settings().unwrap();
        settings.onboarded = true;
        settings.theme = trine_app::app_settings::Theme::Dark;
        journal.save_app_settings(&settings).unwrap();
    }
    let theme = sandbox.run_app(|app| async move {
        app.wait_for("#unlock-passphrase").await?;
        let theme = app
            .eval("return document.documentElement.dataset.theme;")
            .await?;
        app.save_screenshot("unlock-dark-setting.png").await?;
        Ok(theme)
    });
    assert_eq!(theme, "dark");
}

/// An error the shell sends with a fix (`restore_backup`) is shown with a
/// way there: the alert offers Backups, and following it clears the alert.
/// (The shell's side, that such errors carry the fix and the app's words,
/// is `src-tauri/src/error.rs`'s tests; here the page is given one.)
#[test]
fn an_error_with_a_fix_offers_the_screen_that_fixes_it() {
    let Some(sandbox) = Sandbox::new_or_skip("an_error_with_a_fix_offers_the_screen_that_fixes_it")
    else {
        return;
    };
    sandbox.onboard();

    let (text, action, plain_has_action, on_backups, alert_gone) =
        sandbox.run_app(|app| async move {
            app.wait_for("#week-label").await?;
            app.run_script(
                "const done = arguments[arguments.length - 1];
                 import('./lib/notify.js').then((m) => {
                   m.showError({ code: 'damaged', message: 'the journal is damaged (database disk image is malformed); nothing was changed. Restore the newest good backup: Trine offers it when it starts, and Backups lists every copy', fix: 'restore_backup' });
                   done(null);
                 });",
            )
            .await?;
            let text = app.wait_for_text("#status:not([hidden]) .status-text").await?;
            let action = app.text("#status .status-action").await?;
            app.save_screenshot("error-with-fix-light.png").await?;
            app.set_theme("dark").await?;
            app.save_screenshot("error-with-fix-dark.png").await?;
            app.resize(600, 720).await?;
            app.save_screenshot("error-with-fix-600.png").await?;
            app.set_theme("light").await?;
            app.click("#status .status-action").await?;
            app.wait_for("#backup-list").await?;
            let on_backups = app.eval("return location.hash;").await?;
            let alert_gone = app
                .eval("return document.querySelector('#status').hidden;")
                .await?;
            // An error without a fix offers nothing.
            app.run_script(
                "const done = arguments[arguments.length - 1];
                 import('./lib/notify.js').then((m) => {
                   m.showError({ code: 'invalid', message: 'the prompt cannot be empty' });
                   done(null);
                 });",
            )
            .await?;
            app.wait_for_text("#status:not([hidden]) .status-text").await?;
            let plain_has_action = app
                .eval("return document.querySelector('#status .status-action') !== null;")
                .await?;
            Ok((text, action, plain_has_action, on_backups, alert_gone))
        });

    assert!(text.starts_with("The journal is damaged"), "{text}");
    assert_eq!(action, "Open Backups");
    assert_eq!(on_backups, "#/backups");
    assert_eq!(alert_gone, true);
    assert_eq!(plain_has_action, false);
}

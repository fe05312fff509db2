//! Backups in a second place: a folder the person chose, beside or instead
//! of the journal's own `backups` folder, kept in step through a change of
//! passphrase, found when the journal is damaged, and erased with it.

use std::path::Path;

use super::*;
use crate::model::NewEntry;

fn journal_in(dir: &Path) -> Journal {
    let mut journal = Journal::open_in(dir).unwrap();
    journal
        .create(NewEntry::note("kept twice", "on two disks"))
        .unwrap();
    journal
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn backups_go_to_the_chosen_folder_beside_or_instead_of_the_journals() {
    let home = tempfile::tempdir().unwrap();
    let other_disk = tempfile::tempdir().unwrap();
    let mut journal = journal_in(home.path());
    let path = journal.path().unwrap().to_path_buf();

    choose_backup_places(&path, Some(other_disk.path()), true).unwrap();
    let first = journal.backup_now().unwrap();
    assert!(first.path.starts_with(home.path().join("backups")));
    assert_eq!(
        list_backups(other_disk.path()).unwrap().len(),
        1,
        "and on the other disk"
    );
    let places = backup_places(&path);
    assert_eq!(places.len(), 2);
    assert!(
        places.iter().all(|p| p.reachable && p.newest.is_some()),
        "{places:?}"
    );

    choose_backup_places(&path, Some(other_disk.path()), false).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(5));
    let only = journal.backup_now().unwrap();
    assert!(
        only.path.starts_with(other_disk.path()),
        "instead of beside the journal"
    );
    assert_eq!(list_backups(&home.path().join("backups")).unwrap().len(), 1);
    assert_eq!(list_backups(other_disk.path()).unwrap().len(), 2);
    assert_eq!(
        all_backups(&path).unwrap().len(),
        3,
        "every backup is listed"
    );

    // The daily backup: the chosen folder holds a recent one, so none is due.
    assert_eq!(journal.backup_if_due().unwrap(), None);
}

#[test]
fn an_unplugged_disk_is_named_and_the_journals_own_folder_still_gets_its_backup() {
    let home = tempfile::tempdir().unwrap();
    let other_disk = tempfile::tempdir().unwrap();
    let mut journal = journal_in(home.path());
    let path = journal.path().unwrap().to_path_buf();
    choose_backup_places(&path, Some(other_disk.path()), true).unwrap();
    let gone = other_disk.path().to_path_buf();
    drop(other_disk);

    let err = journal.backup_now().unwrap_err();
    assert_eq!(err.code(), "backup_place_failed");
    let message = err.to_string();
    assert!(message.contains(&gone.display().to_string()), "{message}");
    assert!(message.contains("is its disk connected?"), "{message}");
    assert_eq!(list_backups(&home.path().join("backups")).unwrap().len(), 1);
    assert!(!gone.exists(), "an unplugged disk's folder is not made");
    let places = backup_places(&path);
    assert!(!places[1].reachable);
}

#[test]
fn a_folder_that_cannot_take_backups_is_refused_by_name() {
    let home = tempfile::tempdir().unwrap();
    let journal = journal_in(home.path());
    let path = journal.path().unwrap().to_path_buf();
    let refuse = |folder: Option<&Path>, beside: bool, says: &str| {
        let err = choose_backup_places(&path, folder, beside).unwrap_err();
        assert!(err.to_string().contains(says), "{err}");
    };
    refuse(
        Some(Path::new("relative/folder")),
        true,
        "give the whole path",
    );
    refuse(
        Some(&home.path().join("nowhere")),
        true,
        "there is no folder there",
    );
    refuse(Some(home.path()), true, "the journal's own folder");
    refuse(
        Some(&home.path().join("backups")),
        true,
        "the journal's own folder",
    );
    refuse(None, false, "backups need somewhere to go");
    assert_eq!(
        crate::before_unlock::read(home.path()),
        crate::before_unlock::BeforeUnlock::default(),
        "nothing was changed"
    );
}

#[test]
fn a_change_of_passphrase_rewrites_the_chosen_folders_backups_or_waits_for_its_disk() {
    let home = tempfile::tempdir().unwrap();
    let other_disk = tempfile::tempdir().unwrap();
    let mut journal = journal_in(home.path());
    let path = journal.path().unwrap().to_path_buf();
    choose_backup_places(&path, Some(other_disk.path()), true).unwrap();
    journal.backup_now().unwrap();
    let away = other_disk.path().with_extension("away");
    std::fs::rename(other_disk.path(), &away).unwrap();
    let err = journal
        .set_passphrase(Some("a long passphrase"))
        .unwrap_err();
    assert!(err.to_string().contains("cannot be reached"), "{err}");
    assert!(
        crate::store::recovery::is_plain_sqlite(&path) == Some(true),
        "nothing changed while the disk was away"
    );
    std::fs::rename(&away, other_disk.path()).unwrap();

    let copies = journal.set_passphrase(Some("a long passphrase")).unwrap();
    assert_eq!(copies.rekeyed, 2, "both backups");
    for backup in all_backups(&path).unwrap() {
        assert_eq!(
            crate::store::recovery::is_plain_sqlite(&backup.path),
            Some(false),
            "{} is encrypted like the journal",
            backup.path.display()
        );
    }
}

/// Backups go to a new disk now; the old disk still holds plain copies.
/// Encrypting must not leave them plain: the folder chosen before is
/// remembered, its copies change with the journal, and while its disk is
/// away the change waits for it, until the person tells Trine to forget it.
#[test]
fn a_folder_chosen_before_keeps_step_with_the_journal_until_forgotten() {
    let home = tempfile::tempdir().unwrap();
    let old_disk = tempfile::tempdir().unwrap();
    let new_disk = tempfile::tempdir().unwrap();
    let mut journal = journal_in(home.path());
    let path = journal.path().unwrap().to_path_buf();
    choose_backup_places(&path, Some(old_disk.path()), true).unwrap();
    journal.backup_now().unwrap();
    choose_backup_places(&path, Some(new_disk.path()), true).unwrap();
    assert_eq!(former_backup_folders(&path), [old_disk.path()]);
    assert_eq!(
        all_backups(&path)
            .unwrap()
            .iter()
            .filter(|b| b.path.starts_with(old_disk.path()))
            .count(),
        1,
        "its copy is still offered for restore"
    );

    journal.set_passphrase(Some("first passphrase")).unwrap();
    let old_copy = list_backups(old_disk.path()).unwrap().remove(0).path;
    assert_eq!(
        crate::store::recovery::is_plain_sqlite(&old_copy),
        Some(false),
        "the copy on the old disk is encrypted with the journal"
    );

    // The old disk unplugged: a change of passphrase waits for it and says
    // how to let it go.
    let away = old_disk.path().with_extension("away");
    std::fs::rename(old_disk.path(), &away).unwrap();
    let err = journal
        .set_passphrase(Some("second passphrase"))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("chosen for backups before") && err.contains("--forget-folder"),
        "{err}"
    );
    let current = forget_backup_folder(&path, new_disk.path()).unwrap_err();
    assert!(
        current.to_string().contains("backups go there now"),
        "{current}"
    );
    let unknown = forget_backup_folder(&path, home.path()).unwrap_err();
    assert!(
        unknown
            .to_string()
            .contains("not a folder chosen for backups before"),
        "{unknown}"
    );
    let root = choose_backup_places(&path, Some(Path::new("/")), true).unwrap_err();
    assert!(
        root.to_string().contains("top of the file system"),
        "{root}"
    );
    forget_backup_folder(&path, old_disk.path()).unwrap();
    assert!(former_backup_folders(&path).is_empty());
    journal.set_passphrase(Some("second passphrase")).unwrap();
    std::fs::rename(&away, old_disk.path()).unwrap();
    assert!(
        all_backups(&path)
            .unwrap()
            .iter()
            .all(|b| !b.path.starts_with(old_disk.path())),
        "a forgotten folder is no longer listed"
    );

    // Choosing the folder again takes it off the list of former ones.
    choose_backup_places(&path, Some(new_disk.path()), true).unwrap();
    choose_backup_places(&path, None, true).unwrap();
    assert_eq!(former_backup_folders(&path), [new_disk.path()]);
    choose_backup_places(&path, Some(new_disk.path()), true).unwrap();
    assert!(former_backup_folders(&path).is_empty());
}

#[test]
fn a_damaged_journal_finds_its_backups_on_the_other_disk() {
    let home = tempfile::tempdir().unwrap();
    let other_disk = tempfile::tempdir().unwrap();
    let mut journal = journal_in(home.path());
    let path = journal.path().unwrap().to_path_buf();
    choose_backup_places(&path, Some(other_disk.path()), false).unwrap();
    journal.backup_now().unwrap();
    drop(journal);
    // The journal's first pages are lost.
    let mut bytes = std::fs::read(&path).unwrap();
    bytes[..4096].fill(0);
    std::fs::write(&path, bytes).unwrap();

    let found = all_backups(&path).unwrap();
    assert_eq!(found.len(), 1);
    assert!(found[0].path.starts_with(other_disk.path()));
    let (restored, _kept) = restore_damaged(&path, &found[0].path, None).unwrap();
    assert_eq!(restored.entry_count().unwrap(), 1);
}

#[test]
fn erasing_removes_the_chosen_folders_backups_and_nothing_else_there() {
    let home = tempfile::tempdir().unwrap();
    let other_disk = tempfile::tempdir().unwrap();
    let mut journal = journal_in(home.path());
    let path = journal.path().unwrap().to_path_buf();
    choose_backup_places(&path, Some(other_disk.path()), true).unwrap();
    journal.backup_now().unwrap();
    drop(journal);
    std::fs::write(other_disk.path().join("holiday.jpg"), "not Trine's").unwrap();
    erase_journal(&path).unwrap();
    assert_eq!(names(other_disk.path()), ["holiday.jpg"]);
    assert!(names(home.path()).is_empty(), "{:?}", names(home.path()));
}

/// Another journal's folder or backups folder cannot be chosen for this
/// journal's backups: pruning there removed the other journal's backups.
#[test]
fn another_journals_folders_cannot_take_this_ones_backups() {
    let home = tempfile::tempdir().unwrap();
    let mine = Journal::open_in(&home.path().join("mine")).unwrap();
    let mut other = Journal::open_in(&home.path().join("other")).unwrap();
    other.create(NewEntry::note("theirs", "")).unwrap();
    other.backup_now().unwrap();
    for folder in [home.path().join("other"), home.path().join("other/backups")] {
        let err = choose_backup_places(mine.path().unwrap(), Some(&folder), true).unwrap_err();
        assert!(err.to_string().contains("another Trine journal"), "{err}");
    }
    let own = home.path().join("usb");
    std::fs::create_dir(&own).unwrap();
    choose_backup_places(mine.path().unwrap(), Some(&own), true).unwrap();
}

/// Two journals and one folder: the folder holds the backups of the
/// journal that chose it first, also once that journal has moved its
/// backups elsewhere (its copies there still change with it), and the
/// other journal is refused it, so that neither prunes, rewrites or lists
/// the other's backups.
#[test]
fn a_folder_holding_another_journals_backups_is_refused() {
    let first_home = tempfile::tempdir().unwrap();
    let second_home = tempfile::tempdir().unwrap();
    let shared = tempfile::tempdir().unwrap();
    let mut first = journal_in(first_home.path());
    let mut second = journal_in(second_home.path());
    let first_path = first.path().unwrap().to_path_buf();
    let second_path = second.path().unwrap().to_path_buf();
    choose_backup_places(&first_path, Some(shared.path()), true).unwrap();
    first.backup_now().unwrap();
    choose_backup_places(&first_path, None, true).unwrap();

    let err = choose_backup_places(&second_path, Some(shared.path()), true).unwrap_err();
    assert!(
        err.to_string()
            .contains("holds the backups of another Trine journal"),
        "{err}"
    );
    // Chosen by hand in its settings file all the same: no backup there.
    crate::before_unlock::update(second_home.path(), |s| {
        s.backup_folder = Some(shared.path().to_path_buf());
    })
    .unwrap();
    let err = second.backup_now().unwrap_err();
    assert!(err.to_string().contains("another Trine journal"), "{err}");
    assert!(
        all_backups(&second_path)
            .unwrap()
            .iter()
            .all(|b| !b.path.starts_with(shared.path())),
        "the first journal's backup is not listed as the second's"
    );
    second.set_passphrase(Some("second's own")).unwrap();
    let copy = list_backups(shared.path()).unwrap().remove(0).path;
    assert_eq!(
        crate::store::recovery::is_plain_sqlite(&copy),
        Some(true),
        "the first journal's backup is not rewritten with the second's passphrase"
    );

    // The first journal moved away for good: the folder is free.
    drop(first);
    std::fs::remove_file(&first_path).unwrap();
    choose_backup_places(&second_path, Some(shared.path()), true).unwrap();
}

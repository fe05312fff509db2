//! A screenshot of every screen in the light and the dark theme, for a
//! person to look at: `target/e2e-screenshots/<screen>-<theme>.png`. The
//! journal is seeded with a few months of weeks, notes and check-ins so the
//! screens look as they would in use.

use chrono::{DateTime, Datelike, Days};
use trine_app::store::{Answer, NewCheckIn, ReflectionUpdate};
use trine_app::{EntryKind, NewEntry, Ratings, Section, Side};

use crate::harness::{screenshot_folder, Sandbox};

fn seed_a_lived_in_journal(sandbox: &Sandbox) {
    sandbox.onboard();
    let mut journal = sandbox.journal();
    let today = trine_app::time::now().date_naive();
    let this_week = today - Days::new(u64::from(today.weekday().num_days_from_monday()));
    // Two years: Looking back finds the weeks a year and a quarter ago,
    // and Trends has a lived-in span to show.
    for back in 1..=104u64 {
        let week = this_week - Days::new(7 * back);
        if back % 7 == 3 && back != 52 {
            continue; // a missed week now and then, but not a year ago
        }
        let wave = |shift: u64| ((back * 3 + shift) % 5) as i64;
        let ratings = Ratings::checked(
            Some(4 + wave(0)),
            Some(3 + wave(2)),
            Some(5 + wave(4).min(4)),
        )
        .unwrap();
        let answers = [
            "I waited a day before answering the email, and it went better.",
            "My manager *named* the work I did on the migration in the all-hands.",
            if back % 3 == 0 {
                ""
            } else {
                "Asked for a career conversation next month."
            },
        ];
        let sections = journal
            .week_prompts(week)
            .unwrap()
            .into_iter()
            .zip(answers)
            .map(|(prompt, text)| Section {
                side: prompt.side,
                prompt_id: Some(prompt.prompt.id),
                text: text.to_string(),
            })
            .collect();
        let written = week + Days::new(4);
        journal
            .create(NewEntry {
                kind: Some(EntryKind::Reflection),
                week_start: Some(week),
                sections,
                ratings,
                created: Some(
                    DateTime::parse_from_rfc3339(&format!("{written}T17:30:00+00:00")).unwrap(),
                ),
                ..NewEntry::default()
            })
            .unwrap();
    }
    let notes = [
        ("Coffee with Sam", "Sam said my design reviews are **the calmest** in the team.\n\n- ask for the platform work\n- write down what I want to be known for", vec!["mentor", "voice"]),
        ("After the reorg", "Unsettled. I do not know yet where I fit.\n\n> Let things unfold.", vec!["change"]),
        ("Small win", "Shipped the search fix. Three people thanked me.", vec!["wins"]),
    ];
    for (days_ago, (title, body, tags)) in [2u64, 9, 30].into_iter().zip(notes) {
        let day = today - Days::new(days_ago);
        journal
            .create(NewEntry {
                tags: tags.into_iter().map(String::from).collect(),
                created: Some(
                    DateTime::parse_from_rfc3339(&format!("{day}T12:15:00+00:00")).unwrap(),
                ),
                ..NewEntry::note(title, body)
            })
            .unwrap();
    }
    let scores = [
        ("professional_identity", 3),
        ("self_regulation", 2),
        ("self_confidence", 4),
        ("feeling_seen", 3),
        ("feeling_known", 4),
        ("feeling_valued", 2),
        ("values_alignment", 2),
        ("voice", 5),
        ("community", 3),
    ];
    // Check-ins every couple of months, confidence improving: the history.
    let now = chrono::Local::now().fixed_offset();
    for (months_ago, confidence, voice) in [(10i64, 5i64, 5i64), (7, 5, 4), (4, 4, 4), (2, 3, 5)] {
        let mut earlier: std::collections::BTreeMap<String, i64> =
            scores.iter().map(|(k, v)| (k.to_string(), *v)).collect();
        earlier.insert("self_confidence".into(), confidence);
        earlier.insert("voice".into(), voice);
        journal
            .record_checkin(NewCheckIn {
                scores: earlier,
                taken: Some(now - chrono::Duration::days(30 * months_ago)),
                ..NewCheckIn::default()
            })
            .unwrap();
    }
    journal
        .record_checkin(NewCheckIn {
            scores: scores.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
            ..NewCheckIn::default()
        })
        .unwrap();
    // Looking for work since the spring, the confidence rating on, and
    // last week's reflection planned a next step.
    journal
        .set_situation(trine_app::Situation::Looking, today - Days::new(200))
        .unwrap();
    journal.set_confident_rating(true).unwrap();
    let last = this_week - Days::new(7);
    let mut planned = None;
    for i in 0..90 {
        let prompts = journal.week_prompts(last).unwrap();
        if let Some(p) = prompts
            .iter()
            .find(|p| p.prompt.angle == Some(trine_app::library::Angle::NextStep))
        {
            planned = Some((p.side, p.prompt.id.clone()));
            break;
        }
        journal.another_prompt(last, Side::ALL[i % 3]).unwrap();
    }
    let (side, planned) = planned.expect("a next-step prompt");
    let reflection = journal.reflection_for_week(last).unwrap().unwrap();
    let mut sections = reflection.sections.clone();
    sections.retain(|s| s.side != side);
    sections.push(Section {
        side,
        prompt_id: Some(planned),
        text: "Send the portfolio to two studios, and ask Priya about hers.".into(),
    });
    journal
        .update(
            reflection.id,
            trine_app::EntryEdit {
                sections: Some(sections),
                ..Default::default()
            },
        )
        .unwrap();
    journal
        .save_reflection(
            this_week,
            ReflectionUpdate {
                answers: vec![(
                    Side::Developmental,
                    Answer::Text(
                        "I noticed I rushed to say yes again. Next time: *pause, then answer*."
                            .into(),
                    ),
                )],
                ratings: Ratings::checked(Some(6), None, None).unwrap(),
                ..ReflectionUpdate::default()
            },
        )
        .unwrap();
}

#[test]
fn every_screen_in_light_and_dark() {
    let Some(sandbox) = Sandbox::new_or_skip("every_screen_in_light_and_dark") else {
        return;
    };
    seed_a_lived_in_journal(&sandbox);
    let note_id = sandbox
        .journal()
        .list(&trine_app::ListQuery {
            limit: Some(1),
            kind: Some(trine_app::EntryKind::Note),
            ..Default::default()
        })
        .unwrap()[0]
        .id;

    let reflection_id = sandbox
        .journal()
        .list(&trine_app::ListQuery {
            limit: Some(1),
            kind: Some(trine_app::EntryKind::Reflection),
            after: None,
            ..Default::default()
        })
        .unwrap()[0]
        .id;
    let shots = [
        ("this-week", "#/week?focus=none".to_string(), "#week-label"),
        (
            "journal",
            "#/journal".to_string(),
            "#entry-list .entry-item",
        ),
        ("entry", format!("#/entry/{note_id}"), "#entry-body"),
        (
            "entry-reflection",
            format!("#/entry/{reflection_id}"),
            "#entry-body section",
        ),
        ("new-note", "#/new".to_string(), "#note-title-input"),
        ("trends", "#/trends".to_string(), ".chart-ratings svg"),
        ("checkin", "#/checkin".to_string(), ".chart-triangle svg"),
        (
            "export",
            "#/export".to_string(),
            "#export-preview .preview-main",
        ),
        ("import", "#/import".to_string(), "#import-choose"),
        ("settings", "#/settings".to_string(), "#setting-path"),
        ("backups", "#/backups".to_string(), "#backup-now"),
        ("help", "#/help".to_string(), "#help-triangle"),
        ("first-run", "#/welcome".to_string(), "#welcome-next"),
    ];
    let lower = [
        (
            "this-week-ratings",
            "#/week?focus=none",
            "#week-label",
            ".ratings",
        ),
        (
            "trends-insights",
            "#/trends",
            ".chart-ratings svg",
            "#trends-insights",
        ),
        (
            "checkin-form",
            "#/checkin",
            ".chart-triangle svg",
            ".checkin-form",
        ),
        (
            "this-week-looking-back",
            "#/week?focus=none",
            "#week-label",
            "#looking-back",
        ),
        ("help-privacy", "#/help", "#help-triangle", "#help-privacy"),
        (
            "help-framework",
            "#/help",
            "#help-triangle",
            "#help-framework-card",
        ),
        (
            "checkin-history",
            "#/checkin",
            ".chart-triangle svg",
            "#checkin-history",
        ),
        (
            "trends-checkins",
            "#/trends",
            ".chart-ratings svg",
            "#trends-checkins",
        ),
        ("library", "#/library", "#library-voice", "#library-voice"),
        (
            "export-cover",
            "#/export",
            "#export-preview .preview-main",
            "#export-order",
        ),
        (
            "settings-privacy",
            "#/settings",
            "#setting-path",
            "#settings-privacy",
        ),
    ];
    let names: Vec<&str> = shots.iter().map(|(name, _, _)| *name).collect();
    sandbox.run_app(|app| async move {
        app.wait_for("#week-label").await?;
        for theme in ["light", "dark"] {
            app.set_theme(theme).await?;
            for (name, hash, ready) in &shots {
                app.go(hash, ready).await?;
                app.save_screenshot(&format!("{name}-{theme}.png")).await?;
            }
            // The first run's second step: where the person is now.
            app.go("#/welcome", "#welcome-next").await?;
            app.click("#welcome-next").await?;
            app.wait_for("#welcome-situation-looking").await?;
            app.save_screenshot(&format!("first-run-situation-{theme}.png"))
                .await?;
            // The lower halves of the long screens, to look at too.
            for (name, hash, ready, below) in lower {
                app.go(hash, ready).await?;
                app.eval(&format!(
                    "document.querySelector('{below}').scrollIntoView({{ block: 'start' }}); return null;"
                ))
                .await?;
                app.save_screenshot(&format!("{name}-{theme}.png")).await?;
            }
        }
        // At 600 px wide: This week, and Import with a full backup chosen
        // (its settings box showing).
        app.resize(600, 800).await?;
        let mut bar_rows = Vec::new();
        for theme in ["light", "dark"] {
            app.set_theme(theme).await?;
            app.go("#/week", "#week-label").await?;
            app.save_screenshot(&format!("this-week-600-{theme}.png")).await?;
            // The bar: the emblem and the seven screens on one line.
            bar_rows.push(
                app.eval(
                    "return new Set([...document.querySelectorAll('.bar .brand, .nav a')].map(a => Math.round(a.getBoundingClientRect().top + a.getBoundingClientRect().height / 2))).size;",
                )
                .await?,
            );
            for (name, hash, ready) in [
                ("journal-600", "#/journal", "#journal-search"),
                ("backups-600", "#/backups", "#backup-places"),
                ("help-600", "#/help", "h1"),
                ("checkin-600", "#/checkin", "#checkin-save"),
                ("trends-600", "#/trends", ".chart-ratings svg"),
                ("library-600", "#/library", "#library-voice"),
            ] {
                app.go(hash, ready).await?;
                app.save_screenshot(&format!("{name}-{theme}.png")).await?;
            }
            app.go("#/import", "#import-choose").await?;
            app.click("#import-format-json").await?;
            app.save_screenshot(&format!("import-600-{theme}.png")).await?;
            // The Journal choosing entries for an export, two ticked.
            app.go("#/journal", "#entry-list .entry-link").await?;
            app.click("#journal-choose").await?;
            app.wait_for("#journal-pick-bar:not([hidden])").await?;
            app.eval(
                "[...document.querySelectorAll('#entry-list .pick-check')].slice(0, 2).forEach((box) => box.click()); return null;",
            )
            .await?;
            app.save_screenshot(&format!("journal-choosing-600-{theme}.png"))
                .await?;
            app.click("#journal-pick-cancel").await?;
        }
        if bar_rows.iter().any(|rows| rows != 1) {
            return Err(format!("at 600 px the bar takes {bar_rows:?} lines, not one"));
        }
        Ok(())
    });

    for theme in ["light", "dark"] {
        for name in [
            "this-week-600",
            "import-600",
            "journal-600",
            "backups-600",
            "help-600",
            "checkin-600",
            "journal-choosing-600",
        ] {
            let file = screenshot_folder().join(format!("{name}-{theme}.png"));
            assert!(file.is_file(), "{} was saved", file.display());
        }
        for name in &names {
            let file = screenshot_folder().join(format!("{name}-{theme}.png"));
            assert!(file.is_file(), "{} was saved", file.display());
        }
    }
}

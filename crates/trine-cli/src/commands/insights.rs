//! `trine chart` and `trine stats`.

use trine_app::charts::{Chart, RatingsChartOptions};
use trine_app::insights::{Figure, Insights, Three};
use trine_app::prelude::*;
use trine_app::week::parse_date;
use trine_app::{Journal, Result};

use crate::args::{ChartArgs, ChartKind, StatsArgs};
use crate::output::Printer;

/// `trine chart`.
pub fn chart(journal: &Journal, args: ChartArgs, out: &Printer) -> Result<()> {
    let from = args
        .from
        .as_deref()
        .map(|d| parse_date("--from", d))
        .transpose()?;
    let to = args
        .to
        .as_deref()
        .map(|d| parse_date("--to", d))
        .transpose()?;
    let chart: Chart = match args.kind {
        ChartKind::Ratings => journal.ratings_chart(&RatingsChartOptions {
            from,
            to,
            rolling_weeks: args.rolling,
            tag: args.tag,
            ..RatingsChartOptions::default()
        })?,
        ChartKind::Triangle => journal.triangle_chart()?,
        ChartKind::Calendar => {
            journal.calendar_chart(from, to, trine_app::time::now().date_naive())?
        }
    };
    journal.check_write_target(&args.out)?;
    trine_app::atomic::write_file(&args.out, |w| w.write_all(chart.svg.as_bytes()))?;
    if out.json {
        crate::terminal::write_json(
            &serde_json::to_string_pretty(&serde_json::json!({
                "path": args.out,
                "title": chart.title,
                "description": chart.description,
                "table": chart.table,
            }))
            .expect("serialises"),
        );
        return Ok(());
    }
    say!("Wrote {}: {}", args.out.display(), chart.title);
    say!("{}", chart.description);
    if args.table {
        say!();
        say_part!("{}", chart.table.to_tsv());
    }
    Ok(())
}

/// `trine stats`.
pub fn stats(journal: &mut Journal, args: StatsArgs, out: &Printer) -> Result<()> {
    let first = journal.settings()?.first_day;
    let from = args
        .from
        .as_deref()
        .map(|d| parse_date("--from", d))
        .transpose()?
        .map(|d| first.week_start(d));
    let to = args
        .to
        .as_deref()
        .map(|d| parse_date("--to", d))
        .transpose()?
        .map(|d| first.week_start(d));
    let insights = journal.insights(from, to)?;
    if out.json {
        crate::terminal::write_json(&serde_json::to_string_pretty(&insights).expect("serialises"));
    } else {
        print_insights(&insights);
    }
    Ok(())
}

fn three_line(three: &Three, decimals: usize, signed: bool) -> String {
    let show = |f: &Figure| match (f, signed) {
        (Figure::Value { value, weeks }, true) => format!("{value:+.decimals$} ({weeks} wk)"),
        (Figure::Value { value, weeks }, false) => format!("{value:.decimals$} ({weeks} wk)"),
        (Figure::NotEnoughData { .. }, _) => "not enough data".to_string(),
    };
    format!(
        "seen {:<18} known {:<18} valued {}",
        show(&three.seen),
        show(&three.known),
        show(&three.valued)
    )
}

fn print_insights(insights: &Insights) {
    if insights.rated_weeks == 0 {
        say!("No rated weeks yet. Rate a week with `trine rate` or `trine reflect`.");
        return;
    }
    say!("Rated weeks: {}", insights.rated_weeks);
    say!("\nAverage by quarter");
    for q in &insights.quarters {
        say!("  {}  {}", q.label, three_line(&q.averages, 1, false));
    }
    say!("\nWhat the numbers say");
    // The first line (the count) is said above.
    for line in insights.summary.iter().skip(1) {
        say!("  {line}");
    }
    if insights.tags.is_empty() {
        say!(
            "  No tag is on enough rated weeks ({}) to compare yet.",
            trine_app::insights::MIN_TAG_WEEKS
        );
    }
}

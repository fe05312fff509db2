//! A drawn figure and the numbers behind it: what the charts crate draws,
//! the screens show and the reports carry. Plain data; no drawing here.

use serde::Serialize;

/// A rendered chart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Chart {
    /// A short title.
    pub title: String,
    /// What the chart shows, in a sentence or two.
    pub description: String,
    /// The SVG document.
    pub svg: String,
    /// The numbers the chart is drawn from.
    pub table: Table,
}

/// The numbers behind a chart, for screen readers, exports and the CLI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Table {
    /// Column headings.
    pub columns: Vec<String>,
    /// One row per item, as display text.
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// The table as tab-separated text with a header line.
    pub fn to_tsv(&self) -> String {
        let mut out = self.columns.join("\t");
        out.push('\n');
        for row in &self.rows {
            out.push_str(&row.join("\t"));
            out.push('\n');
        }
        out
    }
}

//! Drawing the laid-out pages into a PDF with krilla: real text (it can be
//! searched and copied), charts as vectors, side bars, links (addresses
//! and the contents' page numbers) and a footer with page numbers.

use krilla::action::{Action, LinkAction};
use krilla::annotation::{LinkAnnotation, Target as PdfTarget};
use krilla::color::rgb;
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point, Rect, Size};
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::text::{Font, TextDirection};
use krilla::Document;
use krilla_svg::{SurfaceExt, SvgSettings};

use super::layout::{Item, Layout, Target};
use super::{fonts, footer, MARGIN, MUTED, PAGE};
use trine_store::error::{Error, Result};

fn fill(c: (u8, u8, u8)) -> Fill {
    Fill {
        paint: rgb::Color::new(c.0, c.1, c.2).into(),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }
}

/// The PDF's bytes.
pub(super) fn draw(layout: Layout) -> Result<Vec<u8>> {
    let faces =
        fonts::ALL.map(|face| Font::new(face.into(), 0).expect("the bundled font is valid"));
    let mut document = Document::new();
    let total = layout.pages.len();
    for (index, items) in layout.pages.into_iter().enumerate() {
        let mut page = document.start_page_with(PageSettings::from_wh(PAGE.0, PAGE.1).expect("A4"));
        let mut links = Vec::new();
        let mut surface = page.surface();
        for item in items {
            match item {
                Item::Text {
                    x,
                    y,
                    size,
                    style,
                    color,
                    text,
                } => {
                    surface.set_fill(Some(fill(color)));
                    surface.draw_text(
                        Point::from_xy(x, y),
                        faces[fonts::index(style)].clone(),
                        size,
                        &text,
                        false,
                        TextDirection::Auto,
                    );
                }
                Item::Bar {
                    x,
                    top,
                    bottom,
                    color: c,
                } => {
                    let mut path = PathBuilder::new();
                    path.move_to(x, top);
                    path.line_to(x, bottom);
                    if let Some(path) = path.finish() {
                        surface.set_fill(None);
                        surface.set_stroke(Some(Stroke {
                            paint: rgb::Color::new(c.0, c.1, c.2).into(),
                            width: 3.0,
                            ..Stroke::default()
                        }));
                        surface.draw_path(&path);
                        surface.set_stroke(None);
                    }
                }
                Item::Svg {
                    x, y, w, h, tree, ..
                } => {
                    surface.push_transform(&krilla::geom::Transform::from_translate(x, y));
                    let size = Size::from_wh(w, h).expect("a chart has a size");
                    surface.draw_svg(
                        &tree,
                        size,
                        SvgSettings {
                            embed_text: true,
                            ..SvgSettings::default()
                        },
                    );
                    surface.pop();
                }
                Item::Link {
                    x,
                    top,
                    w,
                    h,
                    target,
                } => links.push((Rect::from_xywh(x, top, w, h), target)),
            }
        }
        surface.set_fill(Some(fill(MUTED)));
        surface.draw_text(
            Point::from_xy(MARGIN, PAGE.1 - MARGIN + 16.0),
            faces[0].clone(),
            8.5,
            &footer(index, total),
            false,
            TextDirection::Auto,
        );
        surface.finish();
        for (rect, target) in links {
            let Some(rect) = rect else { continue };
            let target = match target {
                Target::Address(address) => {
                    PdfTarget::Action(Action::Link(LinkAction::new(address)))
                }
                Target::Page(page) if page < total => PdfTarget::Destination(
                    XyzDestination::new(page, Point::from_xy(0.0, 0.0)).into(),
                ),
                Target::Page(_) => continue,
            };
            page.add_annotation(LinkAnnotation::new(rect, target).into());
        }
        page.finish();
    }
    document
        .finish()
        .map_err(|e| Error::Chart(format!("could not write the PDF: {e:?}")))
}

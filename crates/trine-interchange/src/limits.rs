//! How much an import may read, so that no file, archive or folder can make
//! it take the machine: a zip that expands to gigabytes, a link to
//! `/dev/zero`, a folder that links to itself, a named pipe that never ends,
//! front matter nested thousands of levels deep.
//!
//! Every importer reads its files through an `ImportBudget`: only regular
//! files are opened, each read stops one byte past what is left of the
//! budget, and going over it fails with a message naming the file and the
//! limit. The limits sit far above any journal a person writes (the whole
//! of [`MAX_IMPORT_BYTES`] is some twenty million words) and keep an import's
//! memory under 300 MB.

use std::io::Read;
use std::path::{Path, PathBuf};

use trine_store::ImportError;

/// The most text one import reads, all its files together: 104 MiB, room
/// for some 100,000 entries of 150 words, while the import stays under 300 MB
/// of memory (measured in RELIABILITY.md).
pub const MAX_IMPORT_BYTES: u64 = 104 * 1024 * 1024;
pub use trine_store::store::import::{shown_size, MAX_ENTRY_BYTES};
/// The most files a folder import reads.
pub const MAX_FILES: usize = 200_000;
/// How deep a folder import goes into folders within folders.
pub const MAX_FOLDER_DEPTH: usize = 32;
/// The most front matter (the `---` block at the top of a Markdown note)
/// read from one note: 64 KiB.
pub const MAX_FRONT_MATTER_BYTES: usize = 64 * 1024;
/// How deeply front matter may nest lists and maps.
pub const MAX_FRONT_MATTER_NESTING: usize = 16;

/// What is left to read in one import.
#[derive(Debug)]
pub(crate) struct ImportBudget {
    left: u64,
}

impl Default for ImportBudget {
    fn default() -> Self {
        ImportBudget {
            left: MAX_IMPORT_BYTES,
        }
    }
}

impl ImportBudget {
    /// Reads the regular file at `path` as UTF-8 text, within the budget.
    /// A folder, device, pipe or socket (also behind a link) is refused
    /// before it is opened.
    pub(crate) fn read_file(&mut self, path: &Path) -> Result<String, ImportError> {
        let read_error = |source: std::io::Error| ImportError::Read {
            file: path.to_path_buf(),
            source,
        };
        let meta = std::fs::metadata(path).map_err(read_error)?;
        if !meta.is_file() {
            return Err(ImportError::NotAFile {
                file: path.to_path_buf(),
            });
        }
        if meta.len() > self.left {
            return Err(self.too_large(path));
        }
        let file = std::fs::File::open(path).map_err(read_error)?;
        self.read_from(file, path)
    }

    /// Reads `reader` (a file, or a member of an archive, shown as `name`)
    /// as UTF-8 text, within the budget, whatever size it claims.
    pub(crate) fn read_from(
        &mut self,
        reader: impl Read,
        name: &Path,
    ) -> Result<String, ImportError> {
        let mut bytes = Vec::new();
        reader
            .take(self.left + 1)
            .read_to_end(&mut bytes)
            .map_err(|source| ImportError::Read {
                file: name.to_path_buf(),
                source,
            })?;
        if bytes.len() as u64 > self.left {
            return Err(self.too_large(name));
        }
        self.left -= bytes.len() as u64;
        String::from_utf8(bytes).map_err(|e| ImportError::Read {
            file: name.to_path_buf(),
            source: std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!(
                    "it is not UTF-8 text (a byte that is not UTF-8 at byte {}); save it as \
                     UTF-8 and import it again",
                    e.utf8_error().valid_up_to() + 1
                ),
            ),
        })
    }

    /// Refuses, before reading, something that says it is larger than
    /// what is left of the budget.
    pub(crate) fn check_size(&self, claimed: u64, name: &Path) -> Result<(), ImportError> {
        if claimed > self.left {
            return Err(self.too_large(name));
        }
        Ok(())
    }

    fn too_large(&self, file: &Path) -> ImportError {
        ImportError::TooLarge {
            file: file.to_path_buf(),
            limit: shown_size(MAX_IMPORT_BYTES),
        }
    }
}

/// Checks that front matter is small and shallow enough to read: at most
/// [`MAX_FRONT_MATTER_BYTES`], nesting at most
/// [`MAX_FRONT_MATTER_NESTING`] levels by indentation or brackets. Returns
/// what is wrong, for the caller to name the file.
pub(crate) fn check_front_matter(yaml: &str) -> Result<(), String> {
    if yaml.len() > MAX_FRONT_MATTER_BYTES {
        return Err(format!(
            "its front matter is {} long; Trine reads at most {}",
            shown_size(yaml.len() as u64),
            shown_size(MAX_FRONT_MATTER_BYTES as u64)
        ));
    }
    let mut brackets = 0usize;
    for line in yaml.lines() {
        let indent = line.len() - line.trim_start_matches([' ', '-']).len();
        for c in line.chars() {
            match c {
                '[' | '{' => brackets += 1,
                ']' | '}' => brackets = brackets.saturating_sub(1),
                _ => {}
            }
            if brackets > MAX_FRONT_MATTER_NESTING {
                return Err(format!(
                    "its front matter nests lists or maps more than {MAX_FRONT_MATTER_NESTING} \
                     levels deep"
                ));
            }
        }
        if indent / 2 > MAX_FRONT_MATTER_NESTING {
            return Err(format!(
                "its front matter is indented more than {MAX_FRONT_MATTER_NESTING} levels deep"
            ));
        }
    }
    Ok(())
}

/// The Markdown notes in a folder and the folders inside it, sorted: only
/// regular files, links followed only where they stay inside the folder and
/// never round in a loop, at most [`MAX_FOLDER_DEPTH`] folders deep and
/// [`MAX_FILES`] files. What is passed over is said in `notes`.
pub(crate) fn markdown_files(
    root: &Path,
    notes: &mut Vec<String>,
) -> Result<Vec<PathBuf>, ImportError> {
    let read_error = |file: &Path, source: std::io::Error| ImportError::Read {
        file: file.to_path_buf(),
        source,
    };
    let meta = std::fs::metadata(root).map_err(|e| read_error(root, e))?;
    if meta.is_file() {
        return Ok(vec![root.to_path_buf()]);
    }
    if !meta.is_dir() {
        return Err(ImportError::NotAFile {
            file: root.to_path_buf(),
        });
    }
    let top = root.canonicalize().map_err(|e| read_error(root, e))?;
    let mut seen_dirs = std::collections::HashSet::from([top.clone()]);
    let mut seen_files = std::collections::HashSet::new();
    let mut found = Vec::new();
    let (mut outside, mut special) = (0usize, 0usize);
    let mut stack = vec![(root.to_path_buf(), 0usize)];
    while let Some((dir, depth)) = stack.pop() {
        let mut items: Vec<PathBuf> = std::fs::read_dir(&dir)
            .map_err(|e| read_error(&dir, e))?
            .map(|item| item.map(|i| i.path()))
            .collect::<Result<_, _>>()
            .map_err(|e| read_error(&dir, e))?;
        items.sort();
        for path in items {
            let Ok(real) = path.canonicalize() else {
                continue; // a dangling link
            };
            if !real.starts_with(&top) {
                outside += 1;
                continue;
            }
            let Ok(meta) = std::fs::metadata(&real) else {
                continue;
            };
            if meta.is_dir() {
                if !seen_dirs.insert(real) {
                    continue; // a loop, or a folder reached twice
                }
                if depth + 1 > MAX_FOLDER_DEPTH {
                    return Err(ImportError::TooDeep {
                        folder: path,
                        limit: MAX_FOLDER_DEPTH,
                    });
                }
                stack.push((path, depth + 1));
            } else if path
                .extension()
                .is_some_and(|x| x.eq_ignore_ascii_case("md") || x.eq_ignore_ascii_case("markdown"))
            {
                if !meta.is_file() {
                    special += 1;
                    continue;
                }
                if seen_files.insert(real) {
                    found.push(path);
                    if found.len() > MAX_FILES {
                        return Err(ImportError::TooMany {
                            folder: root.to_path_buf(),
                            limit: MAX_FILES,
                        });
                    }
                }
            }
        }
    }
    if outside > 0 {
        notes.push(format!(
            "{outside} links to files or folders outside {} were not followed",
            root.display()
        ));
    }
    if special > 0 {
        notes.push(format!(
            "{special} Markdown names that are not regular files (pipes, devices or sockets) were left out"
        ));
    }
    found.sort();
    Ok(found)
}

//! The file system's share of a build: creates the folders and files that
//! a listing names (one `path<TAB>bytes` line each, as `bench/run` writes
//! it from codecompare's output), with as many threads as codecompare's
//! renderer uses and the same calls (`mkdir` of the file's folder, then
//! create, write, close), and nothing else. Its CPU time per page is the
//! least any generator can spend writing the same site on this machine.
//!
//! Usage: floor LISTING OUTPUT (OUTPUT must not exist yet).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Files taken at once by a thread (enough to keep the counter cold).
const CHUNK: usize = 64;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, listing, output] = args.as_slice() else {
        eprintln!("usage: floor LISTING OUTPUT");
        std::process::exit(2);
    };
    let files = match read_listing(Path::new(listing)) {
        Ok(files) => files,
        Err(err) => {
            eprintln!("floor: cannot read {listing}: {err}");
            std::process::exit(1);
        }
    };
    let output = PathBuf::from(output);
    if let Err(err) = write_all(&output, &files) {
        eprintln!("floor: cannot write into {}: {err}", output.display());
        std::process::exit(1);
    }
}

fn read_listing(path: &Path) -> std::io::Result<Vec<(PathBuf, usize)>> {
    let text = std::fs::read_to_string(path)?;
    let bad = |line: &str| std::io::Error::other(format!("not `path<TAB>bytes`: {line}"));
    text.lines()
        .map(|line| {
            let (rel, len) = line.split_once('\t').ok_or_else(|| bad(line))?;
            Ok((PathBuf::from(rel), len.parse().map_err(|_| bad(line))?))
        })
        .collect()
}

/// Writes every file below `output`, the threads taking `CHUNK` files at a
/// time; the first error stops the program.
fn write_all(output: &Path, files: &[(PathBuf, usize)]) -> std::io::Result<()> {
    let longest = files.iter().map(|(_, len)| *len).max().unwrap_or(0);
    let bytes = vec![b'x'; longest];
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| -> std::io::Result<()> {
                    loop {
                        let start = next.fetch_add(CHUNK, Ordering::Relaxed);
                        let Some(chunk) = files.get(start..(start + CHUNK).min(files.len())) else {
                            return Ok(());
                        };
                        if chunk.is_empty() {
                            return Ok(());
                        }
                        for (rel, len) in chunk {
                            write_one(&output.join(rel), &bytes[..*len])?;
                        }
                    }
                })
            })
            .collect();
        workers.into_iter().try_for_each(|w| {
            w.join()
                .unwrap_or_else(|_| Err(std::io::Error::other("thread panicked")))
        })
    })
}

fn write_one(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::File::create(path)?.write_all(bytes)
}

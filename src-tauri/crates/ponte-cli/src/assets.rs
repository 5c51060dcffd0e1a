//! `ponte generate-assets DIR` (not in `--help`): the man pages and the shell completions that the packages
//! install, generated from the clap definitions so they can never drift from the real command line.
//! `.ci/package` runs it with the release binary it is about to package.
//!
//! Writes `DIR/man1/ponte.1` and one page per subcommand (`ponte-import.1`, `ponte-people-list.1`…),
//! `DIR/completions/bash/ponte`, `DIR/completions/zsh/_ponte` and `DIR/completions/fish/ponte.fish`
//! (the names each shell looks for in its vendor folder).

use std::fs;
use std::io::{self, Write};
use std::path::Path;

use clap::Command;
use clap_complete::Shell;
use clap_mangen::roff::{bold, roman, Roff};
use clap_mangen::Man;

/// The exit codes every subcommand shares (also in the README's CLI section).
const EXIT_STATUS: &[(&str, &str)] = &[
    ("0", "Done."),
    (
        "1",
        "Refused: invalid input (each field's message is printed), a duplicate, not found, \
         a failed connection test or import.",
    ),
    ("2", "Bad usage (unknown subcommand or option, missing argument)."),
    (
        "3",
        "The environment is not ready: data folder, database or system keyring (see ponte doctor).",
    ),
    ("4", "From tokens expiring: something expires within the window."),
];

const ENVIRONMENT: &[(&str, &str)] = &[
    ("PONTE_DATA_DIR", "The data folder when --data-dir is not given."),
    (
        "PONTE_SECRET_<FIELD>",
        "The value of each --secret FIELD (PONTE_SECRET_PASSWORD, PONTE_SECRET_TOKEN, \
         PONTE_SECRET_DEVELOPER_TOKEN…). Secrets are never command-line arguments: when the variable is \
         unset, the value is read from the next line of standard input.",
    ),
];

const FILES: &[(&str, &str)] = &[
    (
        "~/.local/share/io.ponte.desktop/ponte.db",
        "The database (SQLite), shared with the Ponte window (ponte-app).",
    ),
    ("~/.local/share/io.ponte.desktop/logs/", "The window's logs."),
];

const NOTES: &str = "Passwords and tokens live only in the system keyring (Secret Service: GNOME Keyring or \
KWallet), filed under the service io.ponte.desktop; ponte doctor says whether it is reachable and what to \
install when it is not.";

pub fn write(cmd: Command, dir: &Path) -> io::Result<()> {
    let mut cmd = cmd.disable_help_subcommand(true);
    cmd.build();
    let man_dir = dir.join("man1");
    fs::create_dir_all(&man_dir)?;
    write_main_page(&cmd, &man_dir)?;
    for sub in visible_subcommands(&cmd) {
        write_pages(sub.clone(), &man_dir)?;
    }
    for (shell, file) in [
        (Shell::Bash, "bash/ponte"),
        (Shell::Zsh, "zsh/_ponte"),
        (Shell::Fish, "fish/ponte.fish"),
    ] {
        let path = dir.join("completions").join(file);
        fs::create_dir_all(path.parent().expect("a file in a folder"))?;
        let mut out = io::BufWriter::new(fs::File::create(&path)?);
        clap_complete::generate(shell, &mut cmd, "ponte", &mut out);
        out.flush()?;
    }
    Ok(())
}

fn visible_subcommands(cmd: &Command) -> impl Iterator<Item = &Command> {
    cmd.get_subcommands().filter(|s| !s.is_hide_set())
}

/// A page per subcommand, recursively (what `clap_mangen::generate_to` does below the top level).
fn write_pages(cmd: Command, dir: &Path) -> io::Result<()> {
    for sub in visible_subcommands(&cmd) {
        write_pages(sub.clone(), dir)?;
    }
    Man::new(cmd).generate_to(dir).map(|_| ())
}

/// `ponte.1`: clap_mangen's sections, then what only the top page needs (exit status, environment…).
fn write_main_page(cmd: &Command, dir: &Path) -> io::Result<()> {
    let man = Man::new(cmd.clone());
    let mut out = io::BufWriter::new(fs::File::create(dir.join(man.get_filename()))?);
    man.render_title(&mut out)?;
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    man.render_options_section(&mut out)?;
    man.render_subcommands_section(&mut out)?;
    let mut roff = Roff::default();
    definitions(&mut roff, "EXIT STATUS", EXIT_STATUS);
    definitions(&mut roff, "ENVIRONMENT", ENVIRONMENT);
    definitions(&mut roff, "FILES", FILES);
    roff.control("SH", ["NOTES"]);
    roff.text([roman(NOTES)]);
    roff.control("SH", ["SEE ALSO"]);
    let see_also: Vec<String> = visible_subcommands(cmd)
        .map(|s| format!("ponte-{}(1)", s.get_name()))
        .collect();
    roff.text([roman(see_also.join(", "))]);
    roff.to_writer(&mut out)?;
    man.render_version_section(&mut out)?;
    out.flush()
}

fn definitions(roff: &mut Roff, title: &str, items: &[(&str, &str)]) {
    roff.control("SH", [title]);
    for (term, text) in items {
        roff.control("TP", []);
        roff.text([bold(*term)]);
        roff.text([roman(*text)]);
    }
}

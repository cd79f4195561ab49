//! Exchanges walked through reply tables: what passes and what is refused.

use super::*;
use crate::content::commands::Replies;

fn command(name: &str, replies: Replies) -> Command {
    Command {
        name: name.into(),
        syntax: String::new(),
        summary: String::new(),
        description: String::new(),
        references: vec![],
        replies,
    }
}

fn codes(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

fn ftp() -> Vec<Command> {
    vec![
        command(
            "CONNECT",
            Replies {
                preliminary: codes(&["120"]),
                after_preliminary: codes(&["220"]),
                final_: codes(&["220", "421"]),
                ..Default::default()
            },
        ),
        command(
            "USER",
            Replies {
                intermediate: codes(&["331", "332"]),
                then: codes(&["PASS", "ACCT"]),
                final_: codes(&["230", "530", "500", "501", "421"]),
                ..Default::default()
            },
        ),
        command(
            "PASS",
            Replies {
                final_: codes(&["230", "202", "530", "500", "501", "503", "421", "332"]),
                ..Default::default()
            },
        ),
        command(
            "RETR",
            Replies {
                preliminary: codes(&["125", "150"]),
                restart_marker: codes(&["110"]),
                after_preliminary: codes(&["226", "250", "425", "426", "451", "551", "552"]),
                final_: codes(&["450", "550", "500", "501", "421", "530"]),
                ..Default::default()
            },
        ),
    ]
}

fn lines(text: &[&str]) -> Vec<Line> {
    text.iter().map(|l| Line::Plain(l.to_string())).collect()
}

#[test]
fn a_good_session_passes() {
    let session = lines(&[
        "S: 220 ready",
        "C: USER anna",
        "S: 331 password",
        "C: PASS x",
        "S: 230 in",
        "C: RETR a.pdf",
        "S: 125 open",
        "D: (data)",
        "S: 426 closed",
        "C: RETR a.pdf",
        "S: 150 opening",
        "S: 226 done",
    ]);
    assert_eq!(check_session(&session, &ftp(), &["421"]), vec![]);
    let mut commands = ftp();
    commands.push(command(
        "ABOR",
        Replies {
            final_: codes(&["225", "226", "500", "501", "502", "421"]),
            ..Default::default()
        },
    ));
    let feat = lines(&[
        "C: RETR a",
        "S: 150-opening",
        " S: x",
        "S:  MDTM",
        "S: 150 go",
        "D: (data)",
        "S: 226 done",
    ]);
    assert_eq!(
        check_session(&feat, &commands, &["421"]).len(),
        1,
        "a line without a prefix is still an error"
    );
    let feat = lines(&[
        "C: RETR a",
        "S: 150-opening",
        "S:  MDTM",
        "S:  SIZE",
        "S: 150 go",
        "D: (data)",
        "S: 226 done",
    ]);
    assert_eq!(check_session(&feat, &commands, &["421"]), vec![]);
    let abort = lines(&[
        "C: RETR big.iso",
        "S: 150 opening",
        "D: (data)",
        "C: ABOR",
        "S: 426 aborted",
        "S: 226 abort ok",
    ]);
    assert_eq!(check_session(&abort, &commands, &["421"]), vec![]);
}

#[test]
fn each_rule_is_named() {
    let rules = |text: &[&str]| -> Vec<String> {
        check_session(&lines(text), &ftp(), &["421"])
            .into_iter()
            .map(|b| b.rule)
            .collect()
    };
    assert!(
        rules(&["S: 220 ok", "C: RETR a", "S: 200 ok"])[0]
            .contains("200 is not a reply the table allows here for RETR")
    );
    assert!(
        rules(&["S: 220 ok", "C: RETR a", "S: 125 open", "S: 150 again"])[0]
            .contains("a second preliminary (1yz) reply")
    );
    assert!(
        rules(&["S: 220 ok", "C: RETR a", "S: 150 open"])[0].contains("a final reply is missing")
    );
    assert!(
        rules(&["S: 220 ok", "C: USER a", "S: 331 pw", "C: RETR x"])[0]
            .contains("must send PASS or ACCT")
    );
    assert!(
        rules(&["S: 220 ok", "C: USER a", "S: 331 pw"])[0]
            .contains("must be followed by PASS or ACCT")
    );
    assert!(
        rules(&["S: 220 ok", "C: RETR a", "S: 421 bye"]).is_empty(),
        "421 after any command"
    );
    assert!(rules(&["X: nonsense"])[0].contains("starts with `C: `"));
}

#[test]
fn a_deviation_is_accepted_only_when_marked() {
    let mut session = lines(&["S: 220 ok", "C: RETR a"]);
    session.push(Line::Deviation {
        line: "S: 200 ok".into(),
        deviation: "RFC 959 lists no 200 for RETR".into(),
    });
    assert!(check_session(&session, &ftp(), &["421"]).is_empty());
}

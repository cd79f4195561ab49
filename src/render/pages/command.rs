//! Command pages (`/ftp/commands/`, `/ftp/commands/retr/`) and the session
//! views other pages share: "returned by", example exchanges with their
//! diagram, and a comparison's "in a session".

use serde::Serialize;

use super::super::context::{CodeLink, Crumb, Page};
use super::super::diagram;
use super::super::localized::{plain_text, rich_text};
use super::super::{PageId, Renderer};
use super::{Head, code_link, crumb_home, wrap};
use crate::content::commands::{Command, Role};
use crate::content::examples::Example;
use crate::content::{Code, Reference};
use crate::i18n::{Arg, Text, ids};
use crate::urls::Route;

/// An example exchange as a page shows it.
#[derive(Serialize)]
pub struct ExampleView {
    pub svg: String,
    pub lines: Vec<LineView>,
    pub note: Option<Text>,
    pub server: Option<String>,
}

#[derive(Serialize)]
pub struct LineView {
    pub text: String,
    pub deviation: Option<String>,
}

/// A command with the roles a code has in its table.
#[derive(Serialize)]
pub struct CommandLink {
    pub name: String,
    pub href: String,
    pub summary: Text,
    pub roles: Vec<Text>,
}

#[derive(Serialize)]
pub struct ReplyGroup {
    pub role: Text,
    pub codes: Vec<CodeLink>,
}

#[derive(Serialize)]
pub struct CommandsPage {
    pub protocol: String,
    pub commands: Vec<CommandLink>,
}

#[derive(Serialize)]
pub struct CommandPage {
    pub protocol: String,
    pub name: String,
    pub syntax: String,
    pub summary: Text,
    pub description: Text,
    pub groups: Vec<ReplyGroup>,
    pub then: Vec<String>,
    pub references: Vec<Reference>,
    pub examples: Vec<ExampleView>,
}

fn summary(r: &Renderer, locale: &str, pi: usize, command: &Command) -> Text {
    let protocol = &r.site.protocols[pi];
    let id = ids::command_field(protocol, &command.name, "summary");
    plain_text(
        r.catalog.content(locale, &id, &command.summary),
        &r.catalog.source_locale,
    )
}

fn link(r: &Renderer, locale: &str, pi: usize, command: &Command, roles: &[Role]) -> CommandLink {
    let id = &r.site.protocols[pi].id;
    CommandLink {
        name: command.name.clone(),
        href: r.urls.path(locale, &Route::Command(id, &command.name)),
        summary: summary(r, locale, pi, command),
        roles: roles
            .iter()
            .map(|role| r.t(locale, &format!("role-{}", role.key()), &[]))
            .collect(),
    }
}

/// The commands whose tables list `code`, with its roles.
pub fn returned_by(r: &Renderer, locale: &str, pi: usize, code: &str) -> Vec<CommandLink> {
    r.site.protocols[pi]
        .commands_of(code)
        .into_iter()
        .map(|(command, roles)| link(r, locale, pi, command, &roles))
        .collect()
}

/// One example as shown: diagram, transcript, translated note.
pub fn example(
    r: &Renderer,
    locale: &str,
    pi: usize,
    owner: &str,
    index: usize,
    example: &Example,
) -> ExampleView {
    let protocol = &r.site.protocols[pi];
    let id = format!("ex-{}-{index}", ids::id_part(owner));
    let (title, client, server, data, message) = (
        r.t(locale, "diagram-title", &[]).text,
        r.t(locale, "diagram-client", &[]).text,
        r.t(locale, "diagram-server", &[]).text,
        r.t(locale, "diagram-data", &[]).text,
        r.t(locale, "diagram-message", &[]).text,
    );
    let labels = diagram::Labels {
        title: &title,
        client: &client,
        server: &server,
        data: &data,
        message: &message,
    };
    let note = example.note.as_ref().map(|note| {
        let id = ids::example_note(protocol, owner, index);
        rich_text(
            r.catalog.content(locale, &id, note),
            &r.catalog.source_locale,
        )
    });
    ExampleView {
        svg: diagram::svg(&id, &example.lines, &labels),
        lines: example
            .lines
            .iter()
            .map(|l| LineView {
                text: l.text().to_string(),
                deviation: l.deviation().map(str::to_string),
            })
            .collect(),
        note,
        server: example.server.clone(),
    }
}

/// The examples of a code page.
pub fn code_examples(r: &Renderer, locale: &str, pi: usize, ci: usize) -> Vec<ExampleView> {
    let code = &r.site.protocols[pi].codes[ci];
    code.examples
        .iter()
        .enumerate()
        .map(|(i, e)| example(r, locale, pi, &code.code, i + 1, e))
        .collect()
}

/// An example in which both codes of a pair can be seen: the pair file's
/// first, else a code example that shows the other code too.
pub fn pair_example(
    r: &Renderer,
    locale: &str,
    pi: usize,
    slug: &str,
    (a, b): (&Code, &Code),
) -> Option<ExampleView> {
    let protocol = &r.site.protocols[pi];
    if let Some(first) = protocol
        .pair_examples
        .get(slug)
        .and_then(|list| list.first())
    {
        return Some(example(r, locale, pi, &format!("pair-{slug}"), 1, first));
    }
    for (owner, other) in [(a, b), (b, a)] {
        for (i, e) in owner.examples.iter().enumerate() {
            if crate::content::examples::codes_in(&e.lines).contains(&other.code) {
                return Some(example(r, locale, pi, &owner.code, i + 1, e));
            }
        }
    }
    None
}

pub fn commands<'r>(
    r: &'r Renderer,
    locale: &'r str,
    page: &PageId,
    pi: usize,
) -> Page<'r, CommandsPage> {
    let p = &r.local(locale).protocols[pi];
    let source = &r.site.protocols[pi];
    let args = [("protocol", Arg::Str(&p.name))];
    let heading = r.t(locale, "commands-title", &args);
    let head = Head {
        title: format!("{} — {}", heading.text, r.title(locale).text),
        heading: heading.clone(),
        description: r.t(locale, "commands-meta", &args).text,
        crumbs: vec![
            crumb_home(r, locale),
            Crumb::owned(Text::native(&p.name), p.url.clone()),
            Crumb::owned(heading, r.urls.path(locale, &Route::Commands(&p.id))),
        ],
        og_type: "article",
    };
    let commands = source
        .commands
        .iter()
        .map(|c| link(r, locale, pi, c, &[]))
        .collect();
    wrap(
        r,
        locale,
        page,
        head,
        CommandsPage {
            protocol: p.name.clone(),
            commands,
        },
    )
}

pub fn command<'r>(
    r: &'r Renderer,
    locale: &'r str,
    page: &PageId,
    pi: usize,
    ci: usize,
) -> Page<'r, CommandPage> {
    let p = &r.local(locale).protocols[pi];
    let source = &r.site.protocols[pi];
    let command = &source.commands[ci];
    let args = [
        ("protocol", Arg::Str(&p.name)),
        ("name", Arg::Str(&command.name)),
    ];
    let heading = r.t(locale, "command-title", &args);
    let summary = summary(r, locale, pi, command);
    let head = Head {
        title: format!("{} — {}", heading.text, r.title(locale).text),
        heading,
        description: summary.text.clone(),
        crumbs: vec![
            crumb_home(r, locale),
            Crumb::owned(Text::native(&p.name), p.url.clone()),
            Crumb::owned(
                r.t(locale, "commands-title", &args[..1]),
                r.urls.path(locale, &Route::Commands(&p.id)),
            ),
            Crumb::owned(
                Text::native(&command.name),
                r.urls.path(locale, &Route::Command(&p.id, &command.name)),
            ),
        ],
        og_type: "article",
    };
    let groups = command
        .replies
        .groups()
        .into_iter()
        .filter(|(_, codes)| !codes.is_empty())
        .map(|(role, codes)| ReplyGroup {
            role: r.t(locale, &format!("role-{}", role.key()), &[]),
            codes: codes
                .iter()
                .filter_map(|c| p.code(c))
                .map(code_link)
                .collect(),
        })
        .collect();
    let description_id = ids::command_field(source, &command.name, "description");
    let examples = examples_with(r, locale, pi, &command.name);
    let body = CommandPage {
        protocol: p.name.clone(),
        name: command.name.clone(),
        syntax: command.syntax.clone(),
        summary,
        description: rich_text(
            r.catalog
                .content(locale, &description_id, &command.description),
            &r.catalog.source_locale,
        ),
        groups,
        then: command.replies.then.clone(),
        references: command.references.clone(),
        examples,
    };
    wrap(r, locale, page, head, body)
}

/// Up to three code examples in which the client sends `name`.
fn examples_with(r: &Renderer, locale: &str, pi: usize, name: &str) -> Vec<ExampleView> {
    let protocol = &r.site.protocols[pi];
    let sends = |e: &Example| {
        e.lines.iter().any(|l| {
            l.text()
                .strip_prefix("C: ")
                .and_then(|rest| rest.split_whitespace().next())
                .is_some_and(|w| w.eq_ignore_ascii_case(name))
        }) || (name == "CONNECT" && e.lines.first().is_some_and(|l| l.text().starts_with("S: ")))
    };
    protocol
        .codes
        .iter()
        .flat_map(|c| c.examples.iter().enumerate().map(move |(i, e)| (c, i, e)))
        .filter(|(_, _, e)| sends(e))
        .take(3)
        .map(|(c, i, e)| example(r, locale, pi, &c.code, i + 1, e))
        .collect()
}

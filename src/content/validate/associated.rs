//! `associated:` across protocols (enhanced SMTP codes → basic SMTP codes).

use super::super::Site;
use super::super::yaml::Source;
use crate::diag::Diagnostics;

/// `associated:` names codes of the protocol's `associated_protocol`, which
/// must exist: the link is drawn from this one list in both directions.
pub(super) type Association = (String, Option<String>, String, Vec<String>, Source);

pub(super) fn check_associations(
    site: &Site,
    associations: &[Association],
    diagnostics: &mut Diagnostics,
) {
    for (protocol, other, code, associated, source) in associations {
        let Some(other_id) = other else {
            diagnostics.push(
                source
                    .diagnostic_at("associated", None, format!("code {code} lists `associated` codes, but {protocol} has no `associated_protocol`"))
                    .help(format!("add `associated_protocol: <id>` to content/{protocol}/_protocol.yaml, or remove `associated`")),
            );
            continue;
        };
        let Some(other) = site.protocol(other_id) else {
            diagnostics.push(
                source
                    .diagnostic_at(
                        "associated",
                        None,
                        format!("{protocol}'s associated_protocol `{other_id}` does not exist"),
                    )
                    .help(format!(
                        "fix `associated_protocol` in content/{protocol}/_protocol.yaml"
                    )),
            );
            continue;
        };
        for name in associated {
            if other.code(name).is_none() {
                diagnostics.push(
                    source
                        .diagnostic_at(
                            "associated",
                            Some(name),
                            format!("associated code `{name}` does not exist in {}", other.id),
                        )
                        .help(format!(
                            "add content/{}/{name}.yaml or remove it from `associated`",
                            other.id
                        )),
                );
            }
        }
    }
}

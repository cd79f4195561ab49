## UI strings and sentence patterns of the source locale (English).
## Every id here is what other locales translate; see TRANSLATING.md for the
## variables each pattern receives.

language-name = English
nav-home = Home
nav-breadcrumbs = Breadcrumbs
nav-language = Language
skip-to-content = Skip to content
home-tagline = What a protocol reply code means, when you see it, how to fix it — and how two codes differ.
home-meta = Reply codes of FTP, HTTP and SMTP explained: meaning, when you see each, how to fix it, and side-by-side comparisons.
heading-protocols = Protocols
heading-featured = Popular comparisons
heading-codes = Codes
heading-description = Description
heading-seen-when = When you see this code
heading-fix = How to fix
heading-differences = Key differences
heading-which = When to use which
heading-notes = Notes
heading-learn-more = Learn more
heading-related = Related codes
heading-comparisons = Compare with another code
heading-references = References
heading-compare = Compare two codes
label-class = Class
label-category = Category
label-vs = vs
anchor-link = Link to this section
search-label = Search codes
search-placeholder = Search codes: 426, connection closed…
search-no-results = No matching code.
search-compare = Compare
picker-first = First code
picker-second = Second code
picker-submit = Compare
picker-same = Pick two different codes.
picker-other-category = These two codes have no comparison page: pick codes of the same category.
picker-other-class = These two codes have no comparison page: pick codes of the same class.
data-json = All codes as JSON
notfound-title = Page not found
notfound-text = There is no page at this address. Search for a code, or start from the home page.
footer-text = Facts from the RFCs and the IANA registries, in our own words.
outdated-notice = The English text of this part has changed since it was translated.
source-link = Read it in English

## Shown on every page of a locale below `partial_threshold` (site.toml). Variable: $percent.
partial-notice = This translation is { $percent }% complete: what is not translated yet is shown in English.
## On the home page, per protocol. Variables: $codes, $comparisons (numbers).
protocol-counts = { $codes ->
    [one] { $codes } code
   *[other] { $codes } codes
} · { $comparisons ->
    [one] { $comparisons } comparison
   *[other] { $comparisons } comparisons
}

## Patterns. Variables: $protocol (FTP), $code, $name, $summary, $class, $digit,
## $class_form (the family of codes: 4xx, 5.x.x).
protocol-title = { $protocol } reply codes
protocol-heading = { $protocol } reply codes: { $title }
protocol-meta = All { $count } { $protocol } reply codes ({ $title }) with their meaning, when you see them and how to fix them.
code-title = { $protocol } { $code } { $name }
code-meta = { $protocol } { $code } { $name }: { $summary }

## Comparison patterns. Variables: $protocol, $a, $b, $a_name, $b_name,
## $a_summary, $b_summary, $a_class, $b_class, $a_digit, $b_digit,
## $a_class_form, $b_class_form (4xx, 5.x.x).
compare-title = { $protocol } { $a } { $a_name } vs { $b } { $b_name }
## A comparison in links and breadcrumbs. Variables: $a, $b (codes).
compare-short = { $a } vs { $b }
compare-meta = { $protocol } { $a } ({ $a_name }) compared with { $b } ({ $b_name }): what each means, when you see it, how to fix it, and the key differences.
compare-intro = { $a } { $a_name } belongs to class { $a_class_form } ({ $a_class }). { $a_summary } { $b } { $b_name } belongs to class { $b_class_form } ({ $b_class }). { $b_summary }

## Key differences. Class and category sentences get $a, $b, $a_digit,
## $b_digit, $a_class_form/$b_class_form (4xx) or $a_category_form/$b_category_form (x2x, x.7.x),
## and $a_class/$b_class or $a_category/$b_category.
diff-class-same = Same class: both { $a } and { $b } are { $a_class_form } replies ({ $a_class }).
diff-class-different = Different classes: { $a } is { $a_class_form } ({ $a_class }), { $b } is { $b_class_form } ({ $b_class }).
diff-category-same = Same category: both concern { $a_category_form }, { $a_category }.
diff-category-different = Different categories: { $a } concerns { $a_category_form } ({ $a_category }), { $b } concerns { $b_category_form } ({ $b_category }).
## Detail sentences get $a, $b, $a_summary, $b_summary, $a_when, $b_when
## (first sentence of "when you see this code") and $a_outcome, $b_outcome
## (the class summary), $a_class_form, $b_class_form (4xx).
diff-meaning = Meaning — { $a }: { $a_summary } { $b }: { $b_summary }
diff-outcome = What each class says — { $a } ({ $a_class_form }): { $a_outcome } { $b } ({ $b_class_form }): { $b_outcome }
diff-when = Where you meet them — { $a }: { $a_when } { $b }: { $b_when }
## Gets $protocol, $code, $name, $summary, $class, $digit and $fix (first sentence of "how to fix").
which-item = { $code } ({ $name }) — what to do: { $fix }

## Standing of a code (badge). Variables: $spec, $by, $vendor, $expires (some empty).
label-standing = Standing
standing-standard = Standard · { $spec }
standing-registered = Registered with IANA, no RFC
standing-registered-spec = Registered with IANA · { $spec }
standing-obsoleted = Obsoleted by { $by }
standing-deprecated = Deprecated · use { $by }
standing-unused = Unused
standing-reserved = Reserved
standing-temporary = Temporary registration until { $expires }
standing-expired = Temporary registration expired on { $expires }
standing-vendor = Vendor-specific · { $vendor }
standing-unofficial = Unofficial
standing-unofficial-vendor = Unofficial · { $vendor }

## Codes of an associated protocol (basic ↔ enhanced SMTP codes). $protocol is its name.
heading-associated-basic = { $protocol } replies it goes with
heading-associated-enhanced = { $protocol } codes sent with this reply

## The same number in several protocols (/codes/<number>/).
heading-also-in = The same number in other protocols
number-compare-all = See this number in every protocol side by side
number-title = Code { $number } in { $protocols }
number-meta = What reply code { $number } means in { $protocols }, side by side, and how to tell which one you have.
number-lead = The same number means different things in different protocols. Where you saw it tells you which one you have.
number-seen-in = Where you see it:

## Commands and example exchanges.
commands-title = { $protocol } commands
commands-meta = Every { $protocol } command with the replies its RFC lists, grouped as the RFC groups them.
commands-lead = Each command with the replies the RFC's command–reply table lists for it.
command-title = { $protocol } { $name } command
heading-commands = Commands
heading-syntax = Syntax
heading-replies = Replies
heading-returned-by = Returned by
heading-examples = Example exchanges
heading-in-session = In a session
label-then = After the intermediate reply, the client sends:
label-transcript = Transcript
label-deviation = outside the RFC's table
label-captured-from = Captured from
session-no-command = No command's table lists this code.
diagram-title = Sequence diagram of the exchange
diagram-client = Client
diagram-server = Server
diagram-message = Message data
diagram-data = Data connection
role-preliminary = preliminary reply, before the action completes
role-restart-marker = restart marker during the transfer
role-after-preliminary = final reply after a preliminary one: ends the action
role-intermediate = intermediate reply: the server needs more first
role-after-intermediate = final reply after the data
role-success = success reply
role-error = error reply
role-final = reply to the command

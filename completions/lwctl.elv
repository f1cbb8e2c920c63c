
use builtin;
use str;

set edit:completion:arg-completer[lwctl] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'lwctl'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'lwctl'= {
            cand -p 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]'
            cand --profile 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]'
            cand -a 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]'
            cand --account 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]'
            cand --subaccount 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]'
            cand -k 'API key id [env: LW_API_KEY]'
            cand --api-key 'API key id [env: LW_API_KEY]'
            cand --api-secret-file 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]'
            cand -o 'Output format [default: table on a terminal, ndjson otherwise]'
            cand --output 'Output format [default: table on a terminal, ndjson otherwise]'
            cand --color 'When to use colour'
            cand --timeout 'Connect and request timeout'
            cand --retries 'Retries for 429, 5xx, connection errors and broken answers'
            cand --max-wait 'Longest single wait between retries (429 resets are capped to it)'
            cand --max-response 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken'
            cand --org 'Organization-level data (sends Org-Access: true)'
            cand -v 'Trace requests on stderr (-vv adds headers); secrets are always redacted'
            cand --verbose 'Trace requests on stderr (-vv adds headers); secrets are always redacted'
            cand --no-cache 'Neither read nor write the token cache [env: LW_NOCACHE]'
            cand --no-input 'Never prompt; fail and name the flag instead'
            cand --allow-insecure-config 'Read a secret from a file other users can read (refused by default, like ssh keys)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand auth 'Check credentials and connectivity'
            cand alerts 'List, poll and inspect alerts'
            cand normalize 'Lacework alerts in, normalized SOC events out (NDJSON)'
            cand configure 'Write a profile to ~/.lacework.toml'
            cand org 'What this key can reach, and the CloudTrail account mapping'
            cand generate 'Generate shell completions or man pages'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lwctl;auth'= {
            cand -p 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]'
            cand --profile 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]'
            cand -a 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]'
            cand --account 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]'
            cand --subaccount 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]'
            cand -k 'API key id [env: LW_API_KEY]'
            cand --api-key 'API key id [env: LW_API_KEY]'
            cand --api-secret-file 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]'
            cand -o 'Output format [default: table on a terminal, ndjson otherwise]'
            cand --output 'Output format [default: table on a terminal, ndjson otherwise]'
            cand --color 'When to use colour'
            cand --timeout 'Connect and request timeout'
            cand --retries 'Retries for 429, 5xx, connection errors and broken answers'
            cand --max-wait 'Longest single wait between retries (429 resets are capped to it)'
            cand --max-response 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken'
            cand --org 'Organization-level data (sends Org-Access: true)'
            cand -v 'Trace requests on stderr (-vv adds headers); secrets are always redacted'
            cand --verbose 'Trace requests on stderr (-vv adds headers); secrets are always redacted'
            cand --no-cache 'Neither read nor write the token cache [env: LW_NOCACHE]'
            cand --no-input 'Never prompt; fail and name the flag instead'
            cand --allow-insecure-config 'Read a secret from a file other users can read (refused by default, like ssh keys)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand test 'Exchange the key for a token and read one page of alerts, diagnosing what fails'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lwctl;auth;test'= {
            cand -p 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]'
            cand --profile 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]'
            cand -a 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]'
            cand --account 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]'
            cand --subaccount 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]'
            cand -k 'API key id [env: LW_API_KEY]'
            cand --api-key 'API key id [env: LW_API_KEY]'
            cand --api-secret-file 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]'
            cand -o 'Output format [default: table on a terminal, ndjson otherwise]'
            cand --output 'Output format [default: table on a terminal, ndjson otherwise]'
            cand --color 'When to use colour'
            cand --timeout 'Connect and request timeout'
            cand --retries 'Retries for 429, 5xx, connection errors and broken answers'
            cand --max-wait 'Longest single wait between retries (429 resets are capped to it)'
            cand --max-response 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken'
            cand --org 'Organization-level data (sends Org-Access: true)'
            cand -v 'Trace requests on stderr (-vv adds headers); secrets are always redacted'
            cand --verbose 'Trace requests on stderr (-vv adds headers); secrets are always redacted'
            cand --no-cache 'Neither read nor write the token cache [env: LW_NOCACHE]'
            cand --no-input 'Never prompt; fail and name the flag instead'
            cand --allow-insecure-config 'Read a secret from a file other users can read (refused by default, like ssh keys)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lwctl;auth;help'= {
            cand test 'Exchange the key for a token and read one page of alerts, diagnosing what fails'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lwctl;auth;help;test'= {
        }
        &'lwctl;auth;help;help'= {
        }
        &'lwctl;alerts'= {
            cand -p 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]'
            cand --profile 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]'
            cand -a 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]'
            cand --account 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]'
            cand --subaccount 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]'
            cand -k 'API key id [env: LW_API_KEY]'
            cand --api-key 'API key id [env: LW_API_KEY]'
            cand --api-secret-file 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]'
            cand -o 'Output format [default: table on a terminal, ndjson otherwise]'
            cand --output 'Output format [default: table on a terminal, ndjson otherwise]'
            cand --color 'When to use colour'
            cand --timeout 'Connect and request timeout'
            cand --retries 'Retries for 429, 5xx, connection errors and broken answers'
            cand --max-wait 'Longest single wait between retries (429 resets are capped to it)'
            cand --max-response 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken'
            cand --org 'Organization-level data (sends Org-Access: true)'
            cand -v 'Trace requests on stderr (-vv adds headers); secrets are always redacted'
            cand --verbose 'Trace requests on stderr (-vv adds headers); secrets are always redacted'
            cand --no-cache 'Neither read nor write the token cache [env: LW_NOCACHE]'
            cand --no-input 'Never prompt; fail and name the flag instead'
            cand --allow-insecure-config 'Read a secret from a file other users can read (refused by default, like ssh keys)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List alerts in a time range'
            cand poll 'Poll new alerts into a file or stdout, for cron: nothing lost, nothing duplicated'
            cand get 'Show one alert''s details'
            cand comment 'Add a comment to one or more alerts'
            cand close 'Close one or more alerts (a closed alert cannot be reopened)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lwctl;alerts;list'= {
            cand --start 'Start: -24h, -7d, now, epoch seconds, 2026-11-01, 2026-11-01T13, RFC 3339 [default: -24h]'
            cand --end 'End, same forms as --start; a future end is clamped to now [default: now]'
            cand --severity 'A level is a threshold (high = high and critical); a list is exact (critical,low)'
            cand --status 'Open, Closed or "In Progress"'
            cand --type 'Alert type, e.g. NewExternalServerDns'
            cand --limit 'Stop after N alerts'
            cand --severity-ladder '4 folds critical into high (the connector''s ladder); 5 keeps critical'
            cand -p 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]'
            cand --profile 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]'
            cand -a 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]'
            cand --account 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]'
            cand --subaccount 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]'
            cand -k 'API key id [env: LW_API_KEY]'
            cand --api-key 'API key id [env: LW_API_KEY]'
            cand --api-secret-file 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]'
            cand -o 'Output format [default: table on a terminal, ndjson otherwise]'
            cand --output 'Output format [default: table on a terminal, ndjson otherwise]'
            cand --color 'When to use colour'
            cand --timeout 'Connect and request timeout'
            cand --retries 'Retries for 429, 5xx, connection errors and broken answers'
            cand --max-wait 'Longest single wait between retries (429 resets are capped to it)'
            cand --max-response 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken'
            cand --reverse 'Tables oldest first (they are newest first)'
            cand --skip-invalid 'Skip alerts that cannot be used (not an object, no id, not normalizable), count them and say where, instead of stopping'
            cand --normalize 'Emit normalized SOC events instead of Lacework''s alert objects'
            cand --org 'Organization-level data (sends Org-Access: true)'
            cand -v 'Trace requests on stderr (-vv adds headers); secrets are always redacted'
            cand --verbose 'Trace requests on stderr (-vv adds headers); secrets are always redacted'
            cand --no-cache 'Neither read nor write the token cache [env: LW_NOCACHE]'
            cand --no-input 'Never prompt; fail and name the flag instead'
            cand --allow-insecure-config 'Read a secret from a file other users can read (refused by default, like ssh keys)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lwctl;alerts;poll'= {
            cand --since 'First window (no state yet): this far back'
            cand --state 'State file: the cursor, recent IDs and the output''s committed length'
            cand --out 'Append NDJSON to this file (fsync''d before the state is committed) instead of stdout'
            cand --overlap 'Look-back: how far before the cursor each window starts, for alerts published late (anomaly alerts appear 1-2 hours after their start)'
            cand --every 'Keep running and poll on this interval; SIGINT/SIGTERM commit and exit 0'
            cand --summary 'The summary line on stderr: text, or one JSON object for log shippers [default: text; json with --out and -o json]'
            cand --severity 'A level is a threshold (high = high and critical); a list is exact (critical,low)'
            cand --status 'Open, Closed or "In Progress"'
            cand --type 'Alert type, e.g. NewExternalServerDns'
            cand --severity-ladder '4 folds critical into high (the connector''s ladder); 5 keeps critical'
            cand -p 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]'
            cand --profile 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]'
            cand -a 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]'
            cand --account 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]'
            cand --subaccount 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]'
            cand -k 'API key id [env: LW_API_KEY]'
            cand --api-key 'API key id [env: LW_API_KEY]'
            cand --api-secret-file 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]'
            cand -o 'Output format [default: table on a terminal, ndjson otherwise]'
            cand --output 'Output format [default: table on a terminal, ndjson otherwise]'
            cand --color 'When to use colour'
            cand --timeout 'Connect and request timeout'
            cand --retries 'Retries for 429, 5xx, connection errors and broken answers'
            cand --max-wait 'Longest single wait between retries (429 resets are capped to it)'
            cand --max-response 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken'
            cand --wait 'Wait for another poll holding the state lock instead of exiting 9'
            cand --skip-invalid 'Skip alerts that cannot be used, count them and say where; the cursor moves on'
            cand --normalize 'Emit normalized SOC events instead of Lacework''s alert objects'
            cand --org 'Organization-level data (sends Org-Access: true)'
            cand -v 'Trace requests on stderr (-vv adds headers); secrets are always redacted'
            cand --verbose 'Trace requests on stderr (-vv adds headers); secrets are always redacted'
            cand --no-cache 'Neither read nor write the token cache [env: LW_NOCACHE]'
            cand --no-input 'Never prompt; fail and name the flag instead'
            cand --allow-insecure-config 'Read a secret from a file other users can read (refused by default, like ssh keys)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lwctl;alerts;get'= {
            cand --scope 'Which part of the alert'
            cand -p 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]'
            cand --profile 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]'
            cand -a 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]'
            cand --account 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]'
            cand --subaccount 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]'
            cand -k 'API key id [env: LW_API_KEY]'
            cand --api-key 'API key id [env: LW_API_KEY]'
            cand --api-secret-file 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]'
            cand -o 'Output format [default: table on a terminal, ndjson otherwise]'
            cand --output 'Output format [default: table on a terminal, ndjson otherwise]'
            cand --color 'When to use colour'
            cand --timeout 'Connect and request timeout'
            cand --retries 'Retries for 429, 5xx, connection errors and broken answers'
            cand --max-wait 'Longest single wait between retries (429 resets are capped to it)'
            cand --max-response 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken'
            cand --org 'Organization-level data (sends Org-Access: true)'
            cand -v 'Trace requests on stderr (-vv adds headers); secrets are always redacted'
            cand --verbose 'Trace requests on stderr (-vv adds headers); secrets are always redacted'
            cand --no-cache 'Neither read nor write the token cache [env: LW_NOCACHE]'
            cand --no-input 'Never prompt; fail and name the flag instead'
            cand --allow-insecure-config 'Read a secret from a file other users can read (refused by default, like ssh keys)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lwctl;alerts;comment'= {
            cand --comment 'The comment (required with reason 0, other)'
            cand --comment-file 'Read the comment from FILE, or from stdin with `-`'
            cand --audit 'Append one JSON line per action to FILE (created 0600) [env: LWCTL_AUDIT_LOG]'
            cand -p 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]'
            cand --profile 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]'
            cand -a 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]'
            cand --account 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]'
            cand --subaccount 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]'
            cand -k 'API key id [env: LW_API_KEY]'
            cand --api-key 'API key id [env: LW_API_KEY]'
            cand --api-secret-file 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]'
            cand -o 'Output format [default: table on a terminal, ndjson otherwise]'
            cand --output 'Output format [default: table on a terminal, ndjson otherwise]'
            cand --color 'When to use colour'
            cand --timeout 'Connect and request timeout'
            cand --retries 'Retries for 429, 5xx, connection errors and broken answers'
            cand --max-wait 'Longest single wait between retries (429 resets are capped to it)'
            cand --max-response 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken'
            cand --dry-run 'Show exactly what would be sent, and send nothing'
            cand -y 'Do not ask before acting'
            cand --yes 'Do not ask before acting'
            cand --org 'Organization-level data (sends Org-Access: true)'
            cand -v 'Trace requests on stderr (-vv adds headers); secrets are always redacted'
            cand --verbose 'Trace requests on stderr (-vv adds headers); secrets are always redacted'
            cand --no-cache 'Neither read nor write the token cache [env: LW_NOCACHE]'
            cand --no-input 'Never prompt; fail and name the flag instead'
            cand --allow-insecure-config 'Read a secret from a file other users can read (refused by default, like ssh keys)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lwctl;alerts;close'= {
            cand --reason 'Why: 0-5, or other, false-positive, not-enough-info, malicious-resolved, routine-testing, expected-behavior'
            cand --comment 'The comment (required with reason 0, other)'
            cand --comment-file 'Read the comment from FILE, or from stdin with `-`'
            cand --audit 'Append one JSON line per action to FILE (created 0600) [env: LWCTL_AUDIT_LOG]'
            cand -p 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]'
            cand --profile 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]'
            cand -a 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]'
            cand --account 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]'
            cand --subaccount 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]'
            cand -k 'API key id [env: LW_API_KEY]'
            cand --api-key 'API key id [env: LW_API_KEY]'
            cand --api-secret-file 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]'
            cand -o 'Output format [default: table on a terminal, ndjson otherwise]'
            cand --output 'Output format [default: table on a terminal, ndjson otherwise]'
            cand --color 'When to use colour'
            cand --timeout 'Connect and request timeout'
            cand --retries 'Retries for 429, 5xx, connection errors and broken answers'
            cand --max-wait 'Longest single wait between retries (429 resets are capped to it)'
            cand --max-response 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken'
            cand --dry-run 'Show exactly what would be sent, and send nothing'
            cand -y 'Do not ask before acting'
            cand --yes 'Do not ask before acting'
            cand --org 'Organization-level data (sends Org-Access: true)'
            cand -v 'Trace requests on stderr (-vv adds headers); secrets are always redacted'
            cand --verbose 'Trace requests on stderr (-vv adds headers); secrets are always redacted'
            cand --no-cache 'Neither read nor write the token cache [env: LW_NOCACHE]'
            cand --no-input 'Never prompt; fail and name the flag instead'
            cand --allow-insecure-config 'Read a secret from a file other users can read (refused by default, like ssh keys)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lwctl;alerts;help'= {
            cand list 'List alerts in a time range'
            cand poll 'Poll new alerts into a file or stdout, for cron: nothing lost, nothing duplicated'
            cand get 'Show one alert''s details'
            cand comment 'Add a comment to one or more alerts'
            cand close 'Close one or more alerts (a closed alert cannot be reopened)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lwctl;alerts;help;list'= {
        }
        &'lwctl;alerts;help;poll'= {
        }
        &'lwctl;alerts;help;get'= {
        }
        &'lwctl;alerts;help;comment'= {
        }
        &'lwctl;alerts;help;close'= {
        }
        &'lwctl;alerts;help;help'= {
        }
        &'lwctl;normalize'= {
            cand --severity-ladder '4 folds critical into high (the connector''s ladder); 5 keeps critical'
            cand -p 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]'
            cand --profile 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]'
            cand -a 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]'
            cand --account 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]'
            cand --subaccount 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]'
            cand -k 'API key id [env: LW_API_KEY]'
            cand --api-key 'API key id [env: LW_API_KEY]'
            cand --api-secret-file 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]'
            cand -o 'Output format [default: table on a terminal, ndjson otherwise]'
            cand --output 'Output format [default: table on a terminal, ndjson otherwise]'
            cand --color 'When to use colour'
            cand --timeout 'Connect and request timeout'
            cand --retries 'Retries for 429, 5xx, connection errors and broken answers'
            cand --max-wait 'Longest single wait between retries (429 resets are capped to it)'
            cand --max-response 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken'
            cand --skip-invalid 'Skip records that are not alerts, count them and report where, instead of exiting 8'
            cand --org 'Organization-level data (sends Org-Access: true)'
            cand -v 'Trace requests on stderr (-vv adds headers); secrets are always redacted'
            cand --verbose 'Trace requests on stderr (-vv adds headers); secrets are always redacted'
            cand --no-cache 'Neither read nor write the token cache [env: LW_NOCACHE]'
            cand --no-input 'Never prompt; fail and name the flag instead'
            cand --allow-insecure-config 'Read a secret from a file other users can read (refused by default, like ssh keys)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lwctl;configure'= {
            cand --json-file 'The API key file downloaded from the Lacework console'
            cand -p 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]'
            cand --profile 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]'
            cand -a 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]'
            cand --account 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]'
            cand --subaccount 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]'
            cand -k 'API key id [env: LW_API_KEY]'
            cand --api-key 'API key id [env: LW_API_KEY]'
            cand --api-secret-file 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]'
            cand -o 'Output format [default: table on a terminal, ndjson otherwise]'
            cand --output 'Output format [default: table on a terminal, ndjson otherwise]'
            cand --color 'When to use colour'
            cand --timeout 'Connect and request timeout'
            cand --retries 'Retries for 429, 5xx, connection errors and broken answers'
            cand --max-wait 'Longest single wait between retries (429 resets are capped to it)'
            cand --max-response 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken'
            cand --org 'Organization-level data (sends Org-Access: true)'
            cand -v 'Trace requests on stderr (-vv adds headers); secrets are always redacted'
            cand --verbose 'Trace requests on stderr (-vv adds headers); secrets are always redacted'
            cand --no-cache 'Neither read nor write the token cache [env: LW_NOCACHE]'
            cand --no-input 'Never prompt; fail and name the flag instead'
            cand --allow-insecure-config 'Read a secret from a file other users can read (refused by default, like ssh keys)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lwctl;org'= {
            cand -p 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]'
            cand --profile 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]'
            cand -a 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]'
            cand --account 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]'
            cand --subaccount 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]'
            cand -k 'API key id [env: LW_API_KEY]'
            cand --api-key 'API key id [env: LW_API_KEY]'
            cand --api-secret-file 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]'
            cand -o 'Output format [default: table on a terminal, ndjson otherwise]'
            cand --output 'Output format [default: table on a terminal, ndjson otherwise]'
            cand --color 'When to use colour'
            cand --timeout 'Connect and request timeout'
            cand --retries 'Retries for 429, 5xx, connection errors and broken answers'
            cand --max-wait 'Longest single wait between retries (429 resets are capped to it)'
            cand --max-response 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken'
            cand --org 'Organization-level data (sends Org-Access: true)'
            cand -v 'Trace requests on stderr (-vv adds headers); secrets are always redacted'
            cand --verbose 'Trace requests on stderr (-vv adds headers); secrets are always redacted'
            cand --no-cache 'Neither read nor write the token cache [env: LW_NOCACHE]'
            cand --no-input 'Never prompt; fail and name the flag instead'
            cand --allow-insecure-config 'Read a secret from a file other users can read (refused by default, like ssh keys)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand accounts 'The accounts and subaccounts this key''s user can reach (UserProfile)'
            cand mapping 'The CloudTrail-for-Organizations account mapping file'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lwctl;org;accounts'= {
            cand -p 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]'
            cand --profile 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]'
            cand -a 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]'
            cand --account 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]'
            cand --subaccount 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]'
            cand -k 'API key id [env: LW_API_KEY]'
            cand --api-key 'API key id [env: LW_API_KEY]'
            cand --api-secret-file 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]'
            cand -o 'Output format [default: table on a terminal, ndjson otherwise]'
            cand --output 'Output format [default: table on a terminal, ndjson otherwise]'
            cand --color 'When to use colour'
            cand --timeout 'Connect and request timeout'
            cand --retries 'Retries for 429, 5xx, connection errors and broken answers'
            cand --max-wait 'Longest single wait between retries (429 resets are capped to it)'
            cand --max-response 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken'
            cand --org 'Organization-level data (sends Org-Access: true)'
            cand -v 'Trace requests on stderr (-vv adds headers); secrets are always redacted'
            cand --verbose 'Trace requests on stderr (-vv adds headers); secrets are always redacted'
            cand --no-cache 'Neither read nor write the token cache [env: LW_NOCACHE]'
            cand --no-input 'Never prompt; fail and name the flag instead'
            cand --allow-insecure-config 'Read a secret from a file other users can read (refused by default, like ssh keys)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lwctl;org;mapping'= {
            cand -p 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]'
            cand --profile 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]'
            cand -a 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]'
            cand --account 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]'
            cand --subaccount 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]'
            cand -k 'API key id [env: LW_API_KEY]'
            cand --api-key 'API key id [env: LW_API_KEY]'
            cand --api-secret-file 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]'
            cand -o 'Output format [default: table on a terminal, ndjson otherwise]'
            cand --output 'Output format [default: table on a terminal, ndjson otherwise]'
            cand --color 'When to use colour'
            cand --timeout 'Connect and request timeout'
            cand --retries 'Retries for 429, 5xx, connection errors and broken answers'
            cand --max-wait 'Longest single wait between retries (429 resets are capped to it)'
            cand --max-response 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken'
            cand --org 'Organization-level data (sends Org-Access: true)'
            cand -v 'Trace requests on stderr (-vv adds headers); secrets are always redacted'
            cand --verbose 'Trace requests on stderr (-vv adds headers); secrets are always redacted'
            cand --no-cache 'Neither read nor write the token cache [env: LW_NOCACHE]'
            cand --no-input 'Never prompt; fail and name the flag instead'
            cand --allow-insecure-config 'Read a secret from a file other users can read (refused by default, like ssh keys)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand check 'Validate a mapping file: required keys, AWS account ids, duplicates'
            cand route 'Which Lacework account receives an AWS account''s alerts'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lwctl;org;mapping;check'= {
            cand -p 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]'
            cand --profile 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]'
            cand -a 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]'
            cand --account 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]'
            cand --subaccount 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]'
            cand -k 'API key id [env: LW_API_KEY]'
            cand --api-key 'API key id [env: LW_API_KEY]'
            cand --api-secret-file 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]'
            cand -o 'Output format [default: table on a terminal, ndjson otherwise]'
            cand --output 'Output format [default: table on a terminal, ndjson otherwise]'
            cand --color 'When to use colour'
            cand --timeout 'Connect and request timeout'
            cand --retries 'Retries for 429, 5xx, connection errors and broken answers'
            cand --max-wait 'Longest single wait between retries (429 resets are capped to it)'
            cand --max-response 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken'
            cand --org 'Organization-level data (sends Org-Access: true)'
            cand -v 'Trace requests on stderr (-vv adds headers); secrets are always redacted'
            cand --verbose 'Trace requests on stderr (-vv adds headers); secrets are always redacted'
            cand --no-cache 'Neither read nor write the token cache [env: LW_NOCACHE]'
            cand --no-input 'Never prompt; fail and name the flag instead'
            cand --allow-insecure-config 'Read a secret from a file other users can read (refused by default, like ssh keys)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lwctl;org;mapping;route'= {
            cand --mapping 'mapping'
            cand -p 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]'
            cand --profile 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]'
            cand -a 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]'
            cand --account 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]'
            cand --subaccount 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]'
            cand -k 'API key id [env: LW_API_KEY]'
            cand --api-key 'API key id [env: LW_API_KEY]'
            cand --api-secret-file 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]'
            cand -o 'Output format [default: table on a terminal, ndjson otherwise]'
            cand --output 'Output format [default: table on a terminal, ndjson otherwise]'
            cand --color 'When to use colour'
            cand --timeout 'Connect and request timeout'
            cand --retries 'Retries for 429, 5xx, connection errors and broken answers'
            cand --max-wait 'Longest single wait between retries (429 resets are capped to it)'
            cand --max-response 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken'
            cand --org 'Organization-level data (sends Org-Access: true)'
            cand -v 'Trace requests on stderr (-vv adds headers); secrets are always redacted'
            cand --verbose 'Trace requests on stderr (-vv adds headers); secrets are always redacted'
            cand --no-cache 'Neither read nor write the token cache [env: LW_NOCACHE]'
            cand --no-input 'Never prompt; fail and name the flag instead'
            cand --allow-insecure-config 'Read a secret from a file other users can read (refused by default, like ssh keys)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lwctl;org;mapping;help'= {
            cand check 'Validate a mapping file: required keys, AWS account ids, duplicates'
            cand route 'Which Lacework account receives an AWS account''s alerts'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lwctl;org;mapping;help;check'= {
        }
        &'lwctl;org;mapping;help;route'= {
        }
        &'lwctl;org;mapping;help;help'= {
        }
        &'lwctl;org;help'= {
            cand accounts 'The accounts and subaccounts this key''s user can reach (UserProfile)'
            cand mapping 'The CloudTrail-for-Organizations account mapping file'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lwctl;org;help;accounts'= {
        }
        &'lwctl;org;help;mapping'= {
            cand check 'Validate a mapping file: required keys, AWS account ids, duplicates'
            cand route 'Which Lacework account receives an AWS account''s alerts'
        }
        &'lwctl;org;help;mapping;check'= {
        }
        &'lwctl;org;help;mapping;route'= {
        }
        &'lwctl;org;help;help'= {
        }
        &'lwctl;generate'= {
            cand -p 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]'
            cand --profile 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]'
            cand -a 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]'
            cand --account 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]'
            cand --subaccount 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]'
            cand -k 'API key id [env: LW_API_KEY]'
            cand --api-key 'API key id [env: LW_API_KEY]'
            cand --api-secret-file 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]'
            cand -o 'Output format [default: table on a terminal, ndjson otherwise]'
            cand --output 'Output format [default: table on a terminal, ndjson otherwise]'
            cand --color 'When to use colour'
            cand --timeout 'Connect and request timeout'
            cand --retries 'Retries for 429, 5xx, connection errors and broken answers'
            cand --max-wait 'Longest single wait between retries (429 resets are capped to it)'
            cand --max-response 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken'
            cand --org 'Organization-level data (sends Org-Access: true)'
            cand -v 'Trace requests on stderr (-vv adds headers); secrets are always redacted'
            cand --verbose 'Trace requests on stderr (-vv adds headers); secrets are always redacted'
            cand --no-cache 'Neither read nor write the token cache [env: LW_NOCACHE]'
            cand --no-input 'Never prompt; fail and name the flag instead'
            cand --allow-insecure-config 'Read a secret from a file other users can read (refused by default, like ssh keys)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand completions 'Write completion scripts for every supported shell'
            cand man 'Write man pages'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lwctl;generate;completions'= {
            cand --dir 'dir'
            cand -p 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]'
            cand --profile 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]'
            cand -a 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]'
            cand --account 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]'
            cand --subaccount 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]'
            cand -k 'API key id [env: LW_API_KEY]'
            cand --api-key 'API key id [env: LW_API_KEY]'
            cand --api-secret-file 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]'
            cand -o 'Output format [default: table on a terminal, ndjson otherwise]'
            cand --output 'Output format [default: table on a terminal, ndjson otherwise]'
            cand --color 'When to use colour'
            cand --timeout 'Connect and request timeout'
            cand --retries 'Retries for 429, 5xx, connection errors and broken answers'
            cand --max-wait 'Longest single wait between retries (429 resets are capped to it)'
            cand --max-response 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken'
            cand --org 'Organization-level data (sends Org-Access: true)'
            cand -v 'Trace requests on stderr (-vv adds headers); secrets are always redacted'
            cand --verbose 'Trace requests on stderr (-vv adds headers); secrets are always redacted'
            cand --no-cache 'Neither read nor write the token cache [env: LW_NOCACHE]'
            cand --no-input 'Never prompt; fail and name the flag instead'
            cand --allow-insecure-config 'Read a secret from a file other users can read (refused by default, like ssh keys)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lwctl;generate;man'= {
            cand --dir 'dir'
            cand -p 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]'
            cand --profile 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]'
            cand -a 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]'
            cand --account 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]'
            cand --subaccount 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]'
            cand -k 'API key id [env: LW_API_KEY]'
            cand --api-key 'API key id [env: LW_API_KEY]'
            cand --api-secret-file 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]'
            cand -o 'Output format [default: table on a terminal, ndjson otherwise]'
            cand --output 'Output format [default: table on a terminal, ndjson otherwise]'
            cand --color 'When to use colour'
            cand --timeout 'Connect and request timeout'
            cand --retries 'Retries for 429, 5xx, connection errors and broken answers'
            cand --max-wait 'Longest single wait between retries (429 resets are capped to it)'
            cand --max-response 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken'
            cand --org 'Organization-level data (sends Org-Access: true)'
            cand -v 'Trace requests on stderr (-vv adds headers); secrets are always redacted'
            cand --verbose 'Trace requests on stderr (-vv adds headers); secrets are always redacted'
            cand --no-cache 'Neither read nor write the token cache [env: LW_NOCACHE]'
            cand --no-input 'Never prompt; fail and name the flag instead'
            cand --allow-insecure-config 'Read a secret from a file other users can read (refused by default, like ssh keys)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'lwctl;generate;help'= {
            cand completions 'Write completion scripts for every supported shell'
            cand man 'Write man pages'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lwctl;generate;help;completions'= {
        }
        &'lwctl;generate;help;man'= {
        }
        &'lwctl;generate;help;help'= {
        }
        &'lwctl;help'= {
            cand auth 'Check credentials and connectivity'
            cand alerts 'List, poll and inspect alerts'
            cand normalize 'Lacework alerts in, normalized SOC events out (NDJSON)'
            cand configure 'Write a profile to ~/.lacework.toml'
            cand org 'What this key can reach, and the CloudTrail account mapping'
            cand generate 'Generate shell completions or man pages'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'lwctl;help;auth'= {
            cand test 'Exchange the key for a token and read one page of alerts, diagnosing what fails'
        }
        &'lwctl;help;auth;test'= {
        }
        &'lwctl;help;alerts'= {
            cand list 'List alerts in a time range'
            cand poll 'Poll new alerts into a file or stdout, for cron: nothing lost, nothing duplicated'
            cand get 'Show one alert''s details'
            cand comment 'Add a comment to one or more alerts'
            cand close 'Close one or more alerts (a closed alert cannot be reopened)'
        }
        &'lwctl;help;alerts;list'= {
        }
        &'lwctl;help;alerts;poll'= {
        }
        &'lwctl;help;alerts;get'= {
        }
        &'lwctl;help;alerts;comment'= {
        }
        &'lwctl;help;alerts;close'= {
        }
        &'lwctl;help;normalize'= {
        }
        &'lwctl;help;configure'= {
        }
        &'lwctl;help;org'= {
            cand accounts 'The accounts and subaccounts this key''s user can reach (UserProfile)'
            cand mapping 'The CloudTrail-for-Organizations account mapping file'
        }
        &'lwctl;help;org;accounts'= {
        }
        &'lwctl;help;org;mapping'= {
            cand check 'Validate a mapping file: required keys, AWS account ids, duplicates'
            cand route 'Which Lacework account receives an AWS account''s alerts'
        }
        &'lwctl;help;org;mapping;check'= {
        }
        &'lwctl;help;org;mapping;route'= {
        }
        &'lwctl;help;generate'= {
            cand completions 'Write completion scripts for every supported shell'
            cand man 'Write man pages'
        }
        &'lwctl;help;generate;completions'= {
        }
        &'lwctl;help;generate;man'= {
        }
        &'lwctl;help;help'= {
        }
    ]
    $completions[$command]
}


using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'lwctl' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'lwctl'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'lwctl' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]')
            [CompletionResult]::new('--subaccount', '--subaccount', [CompletionResultType]::ParameterName, 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]')
            [CompletionResult]::new('-k', '-k', [CompletionResultType]::ParameterName, 'API key id [env: LW_API_KEY]')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'API key id [env: LW_API_KEY]')
            [CompletionResult]::new('--api-secret-file', '--api-secret-file', [CompletionResultType]::ParameterName, 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Connect and request timeout')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for 429, 5xx, connection errors and broken answers')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'Longest single wait between retries (429 resets are capped to it)')
            [CompletionResult]::new('--max-response', '--max-response', [CompletionResultType]::ParameterName, 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organization-level data (sends Org-Access: true)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr (-vv adds headers); secrets are always redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr (-vv adds headers); secrets are always redacted')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache [env: LW_NOCACHE]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail and name the flag instead [env: LW_NONINTERACTIVE]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'The official CLI''s spelling of -o json [env: LW_JSON]')
            [CompletionResult]::new('--nocolor', '--nocolor', [CompletionResultType]::ParameterName, 'The official CLI''s spelling of --color never [env: LW_NOCOLOR]')
            [CompletionResult]::new('--allow-insecure-config', '--allow-insecure-config', [CompletionResultType]::ParameterName, 'Read a secret from a file other users can read (refused by default, like ssh keys)')
            [CompletionResult]::new('--csv-raw', '--csv-raw', [CompletionResultType]::ParameterName, 'Write CSV cells exactly, even ones a spreadsheet would run as a formula (by default a cell starting with = + - @ gets a leading '')')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('auth', 'auth', [CompletionResultType]::ParameterValue, 'Check credentials and connectivity')
            [CompletionResult]::new('alerts', 'alerts', [CompletionResultType]::ParameterValue, 'List, poll and inspect alerts')
            [CompletionResult]::new('normalize', 'normalize', [CompletionResultType]::ParameterValue, 'Lacework alerts in, normalized SOC events out (NDJSON)')
            [CompletionResult]::new('configure', 'configure', [CompletionResultType]::ParameterValue, 'Write a profile to ~/.lacework.toml')
            [CompletionResult]::new('org', 'org', [CompletionResultType]::ParameterValue, 'What this key can reach, and the CloudTrail account mapping')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Generate shell completions or man pages')
            [CompletionResult]::new('api', 'api', [CompletionResultType]::ParameterValue, 'Any Lacework API v2 endpoint through lwctl''s client (credentials, retries, redaction)')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Print the version (as --version does)')
            [CompletionResult]::new('completion', 'completion', [CompletionResultType]::ParameterValue, 'Print a shell completion script to stdout')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lwctl;auth' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]')
            [CompletionResult]::new('--subaccount', '--subaccount', [CompletionResultType]::ParameterName, 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]')
            [CompletionResult]::new('-k', '-k', [CompletionResultType]::ParameterName, 'API key id [env: LW_API_KEY]')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'API key id [env: LW_API_KEY]')
            [CompletionResult]::new('--api-secret-file', '--api-secret-file', [CompletionResultType]::ParameterName, 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Connect and request timeout')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for 429, 5xx, connection errors and broken answers')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'Longest single wait between retries (429 resets are capped to it)')
            [CompletionResult]::new('--max-response', '--max-response', [CompletionResultType]::ParameterName, 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organization-level data (sends Org-Access: true)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr (-vv adds headers); secrets are always redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr (-vv adds headers); secrets are always redacted')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache [env: LW_NOCACHE]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail and name the flag instead [env: LW_NONINTERACTIVE]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'The official CLI''s spelling of -o json [env: LW_JSON]')
            [CompletionResult]::new('--nocolor', '--nocolor', [CompletionResultType]::ParameterName, 'The official CLI''s spelling of --color never [env: LW_NOCOLOR]')
            [CompletionResult]::new('--allow-insecure-config', '--allow-insecure-config', [CompletionResultType]::ParameterName, 'Read a secret from a file other users can read (refused by default, like ssh keys)')
            [CompletionResult]::new('--csv-raw', '--csv-raw', [CompletionResultType]::ParameterName, 'Write CSV cells exactly, even ones a spreadsheet would run as a formula (by default a cell starting with = + - @ gets a leading '')')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Exchange the key for a token and read one page of alerts, diagnosing what fails')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lwctl;auth;test' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]')
            [CompletionResult]::new('--subaccount', '--subaccount', [CompletionResultType]::ParameterName, 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]')
            [CompletionResult]::new('-k', '-k', [CompletionResultType]::ParameterName, 'API key id [env: LW_API_KEY]')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'API key id [env: LW_API_KEY]')
            [CompletionResult]::new('--api-secret-file', '--api-secret-file', [CompletionResultType]::ParameterName, 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Connect and request timeout')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for 429, 5xx, connection errors and broken answers')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'Longest single wait between retries (429 resets are capped to it)')
            [CompletionResult]::new('--max-response', '--max-response', [CompletionResultType]::ParameterName, 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organization-level data (sends Org-Access: true)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr (-vv adds headers); secrets are always redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr (-vv adds headers); secrets are always redacted')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache [env: LW_NOCACHE]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail and name the flag instead [env: LW_NONINTERACTIVE]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'The official CLI''s spelling of -o json [env: LW_JSON]')
            [CompletionResult]::new('--nocolor', '--nocolor', [CompletionResultType]::ParameterName, 'The official CLI''s spelling of --color never [env: LW_NOCOLOR]')
            [CompletionResult]::new('--allow-insecure-config', '--allow-insecure-config', [CompletionResultType]::ParameterName, 'Read a secret from a file other users can read (refused by default, like ssh keys)')
            [CompletionResult]::new('--csv-raw', '--csv-raw', [CompletionResultType]::ParameterName, 'Write CSV cells exactly, even ones a spreadsheet would run as a formula (by default a cell starting with = + - @ gets a leading '')')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lwctl;auth;help' {
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Exchange the key for a token and read one page of alerts, diagnosing what fails')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lwctl;auth;help;test' {
            break
        }
        'lwctl;auth;help;help' {
            break
        }
        'lwctl;alerts' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]')
            [CompletionResult]::new('--subaccount', '--subaccount', [CompletionResultType]::ParameterName, 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]')
            [CompletionResult]::new('-k', '-k', [CompletionResultType]::ParameterName, 'API key id [env: LW_API_KEY]')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'API key id [env: LW_API_KEY]')
            [CompletionResult]::new('--api-secret-file', '--api-secret-file', [CompletionResultType]::ParameterName, 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Connect and request timeout')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for 429, 5xx, connection errors and broken answers')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'Longest single wait between retries (429 resets are capped to it)')
            [CompletionResult]::new('--max-response', '--max-response', [CompletionResultType]::ParameterName, 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organization-level data (sends Org-Access: true)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr (-vv adds headers); secrets are always redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr (-vv adds headers); secrets are always redacted')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache [env: LW_NOCACHE]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail and name the flag instead [env: LW_NONINTERACTIVE]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'The official CLI''s spelling of -o json [env: LW_JSON]')
            [CompletionResult]::new('--nocolor', '--nocolor', [CompletionResultType]::ParameterName, 'The official CLI''s spelling of --color never [env: LW_NOCOLOR]')
            [CompletionResult]::new('--allow-insecure-config', '--allow-insecure-config', [CompletionResultType]::ParameterName, 'Read a secret from a file other users can read (refused by default, like ssh keys)')
            [CompletionResult]::new('--csv-raw', '--csv-raw', [CompletionResultType]::ParameterName, 'Write CSV cells exactly, even ones a spreadsheet would run as a formula (by default a cell starting with = + - @ gets a leading '')')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List alerts in a time range')
            [CompletionResult]::new('poll', 'poll', [CompletionResultType]::ParameterValue, 'Poll new alerts into a file or stdout, for cron: nothing lost, nothing duplicated')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one alert''s details')
            [CompletionResult]::new('comment', 'comment', [CompletionResultType]::ParameterValue, 'Add a comment to one or more alerts')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Close one or more alerts (a closed alert cannot be reopened)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lwctl;alerts;list' {
            [CompletionResult]::new('--start', '--start', [CompletionResultType]::ParameterName, 'Start: -24h, -7d, now, epoch seconds, 2026-11-01, 2026-11-01T13, RFC 3339 [default: -24h]')
            [CompletionResult]::new('--end', '--end', [CompletionResultType]::ParameterName, 'End, same forms as --start; a future end is clamped to now [default: now]')
            [CompletionResult]::new('--severity', '--severity', [CompletionResultType]::ParameterName, 'A level is a threshold (high = high and critical); a list is exact (critical,low)')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Open, Closed or "In Progress"')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Alert type, e.g. NewExternalServerDns')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Stop after N alerts')
            [CompletionResult]::new('--severity-ladder', '--severity-ladder', [CompletionResultType]::ParameterName, '4 folds critical into high (the connector''s ladder); 5 keeps critical')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]')
            [CompletionResult]::new('--subaccount', '--subaccount', [CompletionResultType]::ParameterName, 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]')
            [CompletionResult]::new('-k', '-k', [CompletionResultType]::ParameterName, 'API key id [env: LW_API_KEY]')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'API key id [env: LW_API_KEY]')
            [CompletionResult]::new('--api-secret-file', '--api-secret-file', [CompletionResultType]::ParameterName, 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Connect and request timeout')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for 429, 5xx, connection errors and broken answers')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'Longest single wait between retries (429 resets are capped to it)')
            [CompletionResult]::new('--max-response', '--max-response', [CompletionResultType]::ParameterName, 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken')
            [CompletionResult]::new('--reverse', '--reverse', [CompletionResultType]::ParameterName, 'Tables oldest first (they are newest first)')
            [CompletionResult]::new('--skip-invalid', '--skip-invalid', [CompletionResultType]::ParameterName, 'Skip alerts that cannot be used (not an object, no id, not normalizable), count them and say where, instead of stopping')
            [CompletionResult]::new('--normalize', '--normalize', [CompletionResultType]::ParameterName, 'Emit normalized SOC events instead of Lacework''s alert objects')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organization-level data (sends Org-Access: true)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr (-vv adds headers); secrets are always redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr (-vv adds headers); secrets are always redacted')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache [env: LW_NOCACHE]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail and name the flag instead [env: LW_NONINTERACTIVE]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'The official CLI''s spelling of -o json [env: LW_JSON]')
            [CompletionResult]::new('--nocolor', '--nocolor', [CompletionResultType]::ParameterName, 'The official CLI''s spelling of --color never [env: LW_NOCOLOR]')
            [CompletionResult]::new('--allow-insecure-config', '--allow-insecure-config', [CompletionResultType]::ParameterName, 'Read a secret from a file other users can read (refused by default, like ssh keys)')
            [CompletionResult]::new('--csv-raw', '--csv-raw', [CompletionResultType]::ParameterName, 'Write CSV cells exactly, even ones a spreadsheet would run as a formula (by default a cell starting with = + - @ gets a leading '')')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lwctl;alerts;poll' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'First window (no state yet): this far back')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'State file: the cursor, recent IDs and the output''s committed length')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Append NDJSON to this file (fsync''d before the state is committed) instead of stdout')
            [CompletionResult]::new('--overlap', '--overlap', [CompletionResultType]::ParameterName, 'Look-back: how far before the cursor each window starts, for alerts published late (anomaly alerts appear 1-2 hours after their start)')
            [CompletionResult]::new('--every', '--every', [CompletionResultType]::ParameterName, 'Keep running and poll on this interval; SIGINT/SIGTERM commit and exit 0')
            [CompletionResult]::new('--summary', '--summary', [CompletionResultType]::ParameterName, 'The summary line on stderr: text, or one JSON object for log shippers [default: text; json with --out and -o json]')
            [CompletionResult]::new('--severity', '--severity', [CompletionResultType]::ParameterName, 'A level is a threshold (high = high and critical); a list is exact (critical,low)')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Open, Closed or "In Progress"')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Alert type, e.g. NewExternalServerDns')
            [CompletionResult]::new('--severity-ladder', '--severity-ladder', [CompletionResultType]::ParameterName, '4 folds critical into high (the connector''s ladder); 5 keeps critical')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]')
            [CompletionResult]::new('--subaccount', '--subaccount', [CompletionResultType]::ParameterName, 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]')
            [CompletionResult]::new('-k', '-k', [CompletionResultType]::ParameterName, 'API key id [env: LW_API_KEY]')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'API key id [env: LW_API_KEY]')
            [CompletionResult]::new('--api-secret-file', '--api-secret-file', [CompletionResultType]::ParameterName, 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Connect and request timeout')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for 429, 5xx, connection errors and broken answers')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'Longest single wait between retries (429 resets are capped to it)')
            [CompletionResult]::new('--max-response', '--max-response', [CompletionResultType]::ParameterName, 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Wait for another poll holding the state lock instead of exiting 9')
            [CompletionResult]::new('--skip-invalid', '--skip-invalid', [CompletionResultType]::ParameterName, 'Skip alerts that cannot be used, count them and say where; the cursor moves on')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No summary line unless alerts arrived late or something went wrong (for cron)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No summary line unless alerts arrived late or something went wrong (for cron)')
            [CompletionResult]::new('--normalize', '--normalize', [CompletionResultType]::ParameterName, 'Emit normalized SOC events instead of Lacework''s alert objects')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organization-level data (sends Org-Access: true)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr (-vv adds headers); secrets are always redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr (-vv adds headers); secrets are always redacted')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache [env: LW_NOCACHE]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail and name the flag instead [env: LW_NONINTERACTIVE]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'The official CLI''s spelling of -o json [env: LW_JSON]')
            [CompletionResult]::new('--nocolor', '--nocolor', [CompletionResultType]::ParameterName, 'The official CLI''s spelling of --color never [env: LW_NOCOLOR]')
            [CompletionResult]::new('--allow-insecure-config', '--allow-insecure-config', [CompletionResultType]::ParameterName, 'Read a secret from a file other users can read (refused by default, like ssh keys)')
            [CompletionResult]::new('--csv-raw', '--csv-raw', [CompletionResultType]::ParameterName, 'Write CSV cells exactly, even ones a spreadsheet would run as a formula (by default a cell starting with = + - @ gets a leading '')')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lwctl;alerts;get' {
            [CompletionResult]::new('--scope', '--scope', [CompletionResultType]::ParameterName, 'Which part of the alert')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]')
            [CompletionResult]::new('--subaccount', '--subaccount', [CompletionResultType]::ParameterName, 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]')
            [CompletionResult]::new('-k', '-k', [CompletionResultType]::ParameterName, 'API key id [env: LW_API_KEY]')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'API key id [env: LW_API_KEY]')
            [CompletionResult]::new('--api-secret-file', '--api-secret-file', [CompletionResultType]::ParameterName, 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Connect and request timeout')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for 429, 5xx, connection errors and broken answers')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'Longest single wait between retries (429 resets are capped to it)')
            [CompletionResult]::new('--max-response', '--max-response', [CompletionResultType]::ParameterName, 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organization-level data (sends Org-Access: true)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr (-vv adds headers); secrets are always redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr (-vv adds headers); secrets are always redacted')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache [env: LW_NOCACHE]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail and name the flag instead [env: LW_NONINTERACTIVE]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'The official CLI''s spelling of -o json [env: LW_JSON]')
            [CompletionResult]::new('--nocolor', '--nocolor', [CompletionResultType]::ParameterName, 'The official CLI''s spelling of --color never [env: LW_NOCOLOR]')
            [CompletionResult]::new('--allow-insecure-config', '--allow-insecure-config', [CompletionResultType]::ParameterName, 'Read a secret from a file other users can read (refused by default, like ssh keys)')
            [CompletionResult]::new('--csv-raw', '--csv-raw', [CompletionResultType]::ParameterName, 'Write CSV cells exactly, even ones a spreadsheet would run as a formula (by default a cell starting with = + - @ gets a leading '')')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lwctl;alerts;comment' {
            [CompletionResult]::new('--comment', '--comment', [CompletionResultType]::ParameterName, 'The comment (required with reason 0, other)')
            [CompletionResult]::new('--comment-file', '--comment-file', [CompletionResultType]::ParameterName, 'Read the comment from FILE, or from stdin with `-`')
            [CompletionResult]::new('--audit', '--audit', [CompletionResultType]::ParameterName, 'Append one JSON line per action to FILE (created 0600) [env: LWCTL_AUDIT_LOG]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]')
            [CompletionResult]::new('--subaccount', '--subaccount', [CompletionResultType]::ParameterName, 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]')
            [CompletionResult]::new('-k', '-k', [CompletionResultType]::ParameterName, 'API key id [env: LW_API_KEY]')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'API key id [env: LW_API_KEY]')
            [CompletionResult]::new('--api-secret-file', '--api-secret-file', [CompletionResultType]::ParameterName, 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Connect and request timeout')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for 429, 5xx, connection errors and broken answers')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'Longest single wait between retries (429 resets are capped to it)')
            [CompletionResult]::new('--max-response', '--max-response', [CompletionResultType]::ParameterName, 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show exactly what would be sent, and send nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before acting')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before acting')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organization-level data (sends Org-Access: true)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr (-vv adds headers); secrets are always redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr (-vv adds headers); secrets are always redacted')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache [env: LW_NOCACHE]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail and name the flag instead [env: LW_NONINTERACTIVE]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'The official CLI''s spelling of -o json [env: LW_JSON]')
            [CompletionResult]::new('--nocolor', '--nocolor', [CompletionResultType]::ParameterName, 'The official CLI''s spelling of --color never [env: LW_NOCOLOR]')
            [CompletionResult]::new('--allow-insecure-config', '--allow-insecure-config', [CompletionResultType]::ParameterName, 'Read a secret from a file other users can read (refused by default, like ssh keys)')
            [CompletionResult]::new('--csv-raw', '--csv-raw', [CompletionResultType]::ParameterName, 'Write CSV cells exactly, even ones a spreadsheet would run as a formula (by default a cell starting with = + - @ gets a leading '')')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lwctl;alerts;close' {
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why: 0-5, or other, false-positive, not-enough-info, malicious-resolved, routine-testing, expected-behavior')
            [CompletionResult]::new('--comment', '--comment', [CompletionResultType]::ParameterName, 'The comment (required with reason 0, other)')
            [CompletionResult]::new('--comment-file', '--comment-file', [CompletionResultType]::ParameterName, 'Read the comment from FILE, or from stdin with `-`')
            [CompletionResult]::new('--audit', '--audit', [CompletionResultType]::ParameterName, 'Append one JSON line per action to FILE (created 0600) [env: LWCTL_AUDIT_LOG]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]')
            [CompletionResult]::new('--subaccount', '--subaccount', [CompletionResultType]::ParameterName, 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]')
            [CompletionResult]::new('-k', '-k', [CompletionResultType]::ParameterName, 'API key id [env: LW_API_KEY]')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'API key id [env: LW_API_KEY]')
            [CompletionResult]::new('--api-secret-file', '--api-secret-file', [CompletionResultType]::ParameterName, 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Connect and request timeout')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for 429, 5xx, connection errors and broken answers')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'Longest single wait between retries (429 resets are capped to it)')
            [CompletionResult]::new('--max-response', '--max-response', [CompletionResultType]::ParameterName, 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show exactly what would be sent, and send nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask before acting')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask before acting')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organization-level data (sends Org-Access: true)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr (-vv adds headers); secrets are always redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr (-vv adds headers); secrets are always redacted')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache [env: LW_NOCACHE]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail and name the flag instead [env: LW_NONINTERACTIVE]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'The official CLI''s spelling of -o json [env: LW_JSON]')
            [CompletionResult]::new('--nocolor', '--nocolor', [CompletionResultType]::ParameterName, 'The official CLI''s spelling of --color never [env: LW_NOCOLOR]')
            [CompletionResult]::new('--allow-insecure-config', '--allow-insecure-config', [CompletionResultType]::ParameterName, 'Read a secret from a file other users can read (refused by default, like ssh keys)')
            [CompletionResult]::new('--csv-raw', '--csv-raw', [CompletionResultType]::ParameterName, 'Write CSV cells exactly, even ones a spreadsheet would run as a formula (by default a cell starting with = + - @ gets a leading '')')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lwctl;alerts;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List alerts in a time range')
            [CompletionResult]::new('poll', 'poll', [CompletionResultType]::ParameterValue, 'Poll new alerts into a file or stdout, for cron: nothing lost, nothing duplicated')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one alert''s details')
            [CompletionResult]::new('comment', 'comment', [CompletionResultType]::ParameterValue, 'Add a comment to one or more alerts')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Close one or more alerts (a closed alert cannot be reopened)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lwctl;alerts;help;list' {
            break
        }
        'lwctl;alerts;help;poll' {
            break
        }
        'lwctl;alerts;help;get' {
            break
        }
        'lwctl;alerts;help;comment' {
            break
        }
        'lwctl;alerts;help;close' {
            break
        }
        'lwctl;alerts;help;help' {
            break
        }
        'lwctl;normalize' {
            [CompletionResult]::new('--severity-ladder', '--severity-ladder', [CompletionResultType]::ParameterName, '4 folds critical into high (the connector''s ladder); 5 keeps critical')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]')
            [CompletionResult]::new('--subaccount', '--subaccount', [CompletionResultType]::ParameterName, 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]')
            [CompletionResult]::new('-k', '-k', [CompletionResultType]::ParameterName, 'API key id [env: LW_API_KEY]')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'API key id [env: LW_API_KEY]')
            [CompletionResult]::new('--api-secret-file', '--api-secret-file', [CompletionResultType]::ParameterName, 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Connect and request timeout')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for 429, 5xx, connection errors and broken answers')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'Longest single wait between retries (429 resets are capped to it)')
            [CompletionResult]::new('--max-response', '--max-response', [CompletionResultType]::ParameterName, 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken')
            [CompletionResult]::new('--skip-invalid', '--skip-invalid', [CompletionResultType]::ParameterName, 'Skip records that are not alerts, count them and report where, instead of exiting 8')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organization-level data (sends Org-Access: true)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr (-vv adds headers); secrets are always redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr (-vv adds headers); secrets are always redacted')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache [env: LW_NOCACHE]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail and name the flag instead [env: LW_NONINTERACTIVE]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'The official CLI''s spelling of -o json [env: LW_JSON]')
            [CompletionResult]::new('--nocolor', '--nocolor', [CompletionResultType]::ParameterName, 'The official CLI''s spelling of --color never [env: LW_NOCOLOR]')
            [CompletionResult]::new('--allow-insecure-config', '--allow-insecure-config', [CompletionResultType]::ParameterName, 'Read a secret from a file other users can read (refused by default, like ssh keys)')
            [CompletionResult]::new('--csv-raw', '--csv-raw', [CompletionResultType]::ParameterName, 'Write CSV cells exactly, even ones a spreadsheet would run as a formula (by default a cell starting with = + - @ gets a leading '')')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lwctl;configure' {
            [CompletionResult]::new('--json-file', '--json-file', [CompletionResultType]::ParameterName, 'The API key file downloaded from the Lacework console')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]')
            [CompletionResult]::new('--subaccount', '--subaccount', [CompletionResultType]::ParameterName, 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]')
            [CompletionResult]::new('-k', '-k', [CompletionResultType]::ParameterName, 'API key id [env: LW_API_KEY]')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'API key id [env: LW_API_KEY]')
            [CompletionResult]::new('--api-secret-file', '--api-secret-file', [CompletionResultType]::ParameterName, 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Connect and request timeout')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for 429, 5xx, connection errors and broken answers')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'Longest single wait between retries (429 resets are capped to it)')
            [CompletionResult]::new('--max-response', '--max-response', [CompletionResultType]::ParameterName, 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Replace an existing profile without asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Replace an existing profile without asking')
            [CompletionResult]::new('--no-verify', '--no-verify', [CompletionResultType]::ParameterName, 'Do not check the new profile''s credentials against Lacework')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organization-level data (sends Org-Access: true)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr (-vv adds headers); secrets are always redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr (-vv adds headers); secrets are always redacted')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache [env: LW_NOCACHE]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail and name the flag instead [env: LW_NONINTERACTIVE]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'The official CLI''s spelling of -o json [env: LW_JSON]')
            [CompletionResult]::new('--nocolor', '--nocolor', [CompletionResultType]::ParameterName, 'The official CLI''s spelling of --color never [env: LW_NOCOLOR]')
            [CompletionResult]::new('--allow-insecure-config', '--allow-insecure-config', [CompletionResultType]::ParameterName, 'Read a secret from a file other users can read (refused by default, like ssh keys)')
            [CompletionResult]::new('--csv-raw', '--csv-raw', [CompletionResultType]::ParameterName, 'Write CSV cells exactly, even ones a spreadsheet would run as a formula (by default a cell starting with = + - @ gets a leading '')')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The profiles in ~/.lacework.toml, key ids and secrets masked; * marks the one in use')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One value of the profile in use (never the secret)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lwctl;configure;list' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]')
            [CompletionResult]::new('--subaccount', '--subaccount', [CompletionResultType]::ParameterName, 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]')
            [CompletionResult]::new('-k', '-k', [CompletionResultType]::ParameterName, 'API key id [env: LW_API_KEY]')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'API key id [env: LW_API_KEY]')
            [CompletionResult]::new('--api-secret-file', '--api-secret-file', [CompletionResultType]::ParameterName, 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Connect and request timeout')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for 429, 5xx, connection errors and broken answers')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'Longest single wait between retries (429 resets are capped to it)')
            [CompletionResult]::new('--max-response', '--max-response', [CompletionResultType]::ParameterName, 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organization-level data (sends Org-Access: true)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr (-vv adds headers); secrets are always redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr (-vv adds headers); secrets are always redacted')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache [env: LW_NOCACHE]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail and name the flag instead [env: LW_NONINTERACTIVE]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'The official CLI''s spelling of -o json [env: LW_JSON]')
            [CompletionResult]::new('--nocolor', '--nocolor', [CompletionResultType]::ParameterName, 'The official CLI''s spelling of --color never [env: LW_NOCOLOR]')
            [CompletionResult]::new('--allow-insecure-config', '--allow-insecure-config', [CompletionResultType]::ParameterName, 'Read a secret from a file other users can read (refused by default, like ssh keys)')
            [CompletionResult]::new('--csv-raw', '--csv-raw', [CompletionResultType]::ParameterName, 'Write CSV cells exactly, even ones a spreadsheet would run as a formula (by default a cell starting with = + - @ gets a leading '')')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lwctl;configure;show' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]')
            [CompletionResult]::new('--subaccount', '--subaccount', [CompletionResultType]::ParameterName, 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]')
            [CompletionResult]::new('-k', '-k', [CompletionResultType]::ParameterName, 'API key id [env: LW_API_KEY]')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'API key id [env: LW_API_KEY]')
            [CompletionResult]::new('--api-secret-file', '--api-secret-file', [CompletionResultType]::ParameterName, 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Connect and request timeout')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for 429, 5xx, connection errors and broken answers')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'Longest single wait between retries (429 resets are capped to it)')
            [CompletionResult]::new('--max-response', '--max-response', [CompletionResultType]::ParameterName, 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organization-level data (sends Org-Access: true)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr (-vv adds headers); secrets are always redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr (-vv adds headers); secrets are always redacted')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache [env: LW_NOCACHE]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail and name the flag instead [env: LW_NONINTERACTIVE]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'The official CLI''s spelling of -o json [env: LW_JSON]')
            [CompletionResult]::new('--nocolor', '--nocolor', [CompletionResultType]::ParameterName, 'The official CLI''s spelling of --color never [env: LW_NOCOLOR]')
            [CompletionResult]::new('--allow-insecure-config', '--allow-insecure-config', [CompletionResultType]::ParameterName, 'Read a secret from a file other users can read (refused by default, like ssh keys)')
            [CompletionResult]::new('--csv-raw', '--csv-raw', [CompletionResultType]::ParameterName, 'Write CSV cells exactly, even ones a spreadsheet would run as a formula (by default a cell starting with = + - @ gets a leading '')')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lwctl;configure;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The profiles in ~/.lacework.toml, key ids and secrets masked; * marks the one in use')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One value of the profile in use (never the secret)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lwctl;configure;help;list' {
            break
        }
        'lwctl;configure;help;show' {
            break
        }
        'lwctl;configure;help;help' {
            break
        }
        'lwctl;org' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]')
            [CompletionResult]::new('--subaccount', '--subaccount', [CompletionResultType]::ParameterName, 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]')
            [CompletionResult]::new('-k', '-k', [CompletionResultType]::ParameterName, 'API key id [env: LW_API_KEY]')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'API key id [env: LW_API_KEY]')
            [CompletionResult]::new('--api-secret-file', '--api-secret-file', [CompletionResultType]::ParameterName, 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Connect and request timeout')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for 429, 5xx, connection errors and broken answers')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'Longest single wait between retries (429 resets are capped to it)')
            [CompletionResult]::new('--max-response', '--max-response', [CompletionResultType]::ParameterName, 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organization-level data (sends Org-Access: true)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr (-vv adds headers); secrets are always redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr (-vv adds headers); secrets are always redacted')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache [env: LW_NOCACHE]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail and name the flag instead [env: LW_NONINTERACTIVE]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'The official CLI''s spelling of -o json [env: LW_JSON]')
            [CompletionResult]::new('--nocolor', '--nocolor', [CompletionResultType]::ParameterName, 'The official CLI''s spelling of --color never [env: LW_NOCOLOR]')
            [CompletionResult]::new('--allow-insecure-config', '--allow-insecure-config', [CompletionResultType]::ParameterName, 'Read a secret from a file other users can read (refused by default, like ssh keys)')
            [CompletionResult]::new('--csv-raw', '--csv-raw', [CompletionResultType]::ParameterName, 'Write CSV cells exactly, even ones a spreadsheet would run as a formula (by default a cell starting with = + - @ gets a leading '')')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('accounts', 'accounts', [CompletionResultType]::ParameterValue, 'The accounts and subaccounts this key''s user can reach (UserProfile)')
            [CompletionResult]::new('mapping', 'mapping', [CompletionResultType]::ParameterValue, 'The CloudTrail-for-Organizations account mapping file')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lwctl;org;accounts' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]')
            [CompletionResult]::new('--subaccount', '--subaccount', [CompletionResultType]::ParameterName, 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]')
            [CompletionResult]::new('-k', '-k', [CompletionResultType]::ParameterName, 'API key id [env: LW_API_KEY]')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'API key id [env: LW_API_KEY]')
            [CompletionResult]::new('--api-secret-file', '--api-secret-file', [CompletionResultType]::ParameterName, 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Connect and request timeout')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for 429, 5xx, connection errors and broken answers')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'Longest single wait between retries (429 resets are capped to it)')
            [CompletionResult]::new('--max-response', '--max-response', [CompletionResultType]::ParameterName, 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organization-level data (sends Org-Access: true)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr (-vv adds headers); secrets are always redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr (-vv adds headers); secrets are always redacted')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache [env: LW_NOCACHE]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail and name the flag instead [env: LW_NONINTERACTIVE]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'The official CLI''s spelling of -o json [env: LW_JSON]')
            [CompletionResult]::new('--nocolor', '--nocolor', [CompletionResultType]::ParameterName, 'The official CLI''s spelling of --color never [env: LW_NOCOLOR]')
            [CompletionResult]::new('--allow-insecure-config', '--allow-insecure-config', [CompletionResultType]::ParameterName, 'Read a secret from a file other users can read (refused by default, like ssh keys)')
            [CompletionResult]::new('--csv-raw', '--csv-raw', [CompletionResultType]::ParameterName, 'Write CSV cells exactly, even ones a spreadsheet would run as a formula (by default a cell starting with = + - @ gets a leading '')')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lwctl;org;mapping' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]')
            [CompletionResult]::new('--subaccount', '--subaccount', [CompletionResultType]::ParameterName, 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]')
            [CompletionResult]::new('-k', '-k', [CompletionResultType]::ParameterName, 'API key id [env: LW_API_KEY]')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'API key id [env: LW_API_KEY]')
            [CompletionResult]::new('--api-secret-file', '--api-secret-file', [CompletionResultType]::ParameterName, 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Connect and request timeout')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for 429, 5xx, connection errors and broken answers')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'Longest single wait between retries (429 resets are capped to it)')
            [CompletionResult]::new('--max-response', '--max-response', [CompletionResultType]::ParameterName, 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organization-level data (sends Org-Access: true)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr (-vv adds headers); secrets are always redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr (-vv adds headers); secrets are always redacted')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache [env: LW_NOCACHE]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail and name the flag instead [env: LW_NONINTERACTIVE]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'The official CLI''s spelling of -o json [env: LW_JSON]')
            [CompletionResult]::new('--nocolor', '--nocolor', [CompletionResultType]::ParameterName, 'The official CLI''s spelling of --color never [env: LW_NOCOLOR]')
            [CompletionResult]::new('--allow-insecure-config', '--allow-insecure-config', [CompletionResultType]::ParameterName, 'Read a secret from a file other users can read (refused by default, like ssh keys)')
            [CompletionResult]::new('--csv-raw', '--csv-raw', [CompletionResultType]::ParameterName, 'Write CSV cells exactly, even ones a spreadsheet would run as a formula (by default a cell starting with = + - @ gets a leading '')')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Validate a mapping file: required keys, AWS account ids, duplicates')
            [CompletionResult]::new('route', 'route', [CompletionResultType]::ParameterValue, 'Which Lacework account receives an AWS account''s alerts')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lwctl;org;mapping;check' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]')
            [CompletionResult]::new('--subaccount', '--subaccount', [CompletionResultType]::ParameterName, 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]')
            [CompletionResult]::new('-k', '-k', [CompletionResultType]::ParameterName, 'API key id [env: LW_API_KEY]')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'API key id [env: LW_API_KEY]')
            [CompletionResult]::new('--api-secret-file', '--api-secret-file', [CompletionResultType]::ParameterName, 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Connect and request timeout')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for 429, 5xx, connection errors and broken answers')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'Longest single wait between retries (429 resets are capped to it)')
            [CompletionResult]::new('--max-response', '--max-response', [CompletionResultType]::ParameterName, 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organization-level data (sends Org-Access: true)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr (-vv adds headers); secrets are always redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr (-vv adds headers); secrets are always redacted')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache [env: LW_NOCACHE]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail and name the flag instead [env: LW_NONINTERACTIVE]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'The official CLI''s spelling of -o json [env: LW_JSON]')
            [CompletionResult]::new('--nocolor', '--nocolor', [CompletionResultType]::ParameterName, 'The official CLI''s spelling of --color never [env: LW_NOCOLOR]')
            [CompletionResult]::new('--allow-insecure-config', '--allow-insecure-config', [CompletionResultType]::ParameterName, 'Read a secret from a file other users can read (refused by default, like ssh keys)')
            [CompletionResult]::new('--csv-raw', '--csv-raw', [CompletionResultType]::ParameterName, 'Write CSV cells exactly, even ones a spreadsheet would run as a formula (by default a cell starting with = + - @ gets a leading '')')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lwctl;org;mapping;route' {
            [CompletionResult]::new('--mapping', '--mapping', [CompletionResultType]::ParameterName, 'mapping')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]')
            [CompletionResult]::new('--subaccount', '--subaccount', [CompletionResultType]::ParameterName, 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]')
            [CompletionResult]::new('-k', '-k', [CompletionResultType]::ParameterName, 'API key id [env: LW_API_KEY]')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'API key id [env: LW_API_KEY]')
            [CompletionResult]::new('--api-secret-file', '--api-secret-file', [CompletionResultType]::ParameterName, 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Connect and request timeout')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for 429, 5xx, connection errors and broken answers')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'Longest single wait between retries (429 resets are capped to it)')
            [CompletionResult]::new('--max-response', '--max-response', [CompletionResultType]::ParameterName, 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organization-level data (sends Org-Access: true)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr (-vv adds headers); secrets are always redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr (-vv adds headers); secrets are always redacted')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache [env: LW_NOCACHE]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail and name the flag instead [env: LW_NONINTERACTIVE]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'The official CLI''s spelling of -o json [env: LW_JSON]')
            [CompletionResult]::new('--nocolor', '--nocolor', [CompletionResultType]::ParameterName, 'The official CLI''s spelling of --color never [env: LW_NOCOLOR]')
            [CompletionResult]::new('--allow-insecure-config', '--allow-insecure-config', [CompletionResultType]::ParameterName, 'Read a secret from a file other users can read (refused by default, like ssh keys)')
            [CompletionResult]::new('--csv-raw', '--csv-raw', [CompletionResultType]::ParameterName, 'Write CSV cells exactly, even ones a spreadsheet would run as a formula (by default a cell starting with = + - @ gets a leading '')')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lwctl;org;mapping;help' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Validate a mapping file: required keys, AWS account ids, duplicates')
            [CompletionResult]::new('route', 'route', [CompletionResultType]::ParameterValue, 'Which Lacework account receives an AWS account''s alerts')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lwctl;org;mapping;help;check' {
            break
        }
        'lwctl;org;mapping;help;route' {
            break
        }
        'lwctl;org;mapping;help;help' {
            break
        }
        'lwctl;org;help' {
            [CompletionResult]::new('accounts', 'accounts', [CompletionResultType]::ParameterValue, 'The accounts and subaccounts this key''s user can reach (UserProfile)')
            [CompletionResult]::new('mapping', 'mapping', [CompletionResultType]::ParameterValue, 'The CloudTrail-for-Organizations account mapping file')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lwctl;org;help;accounts' {
            break
        }
        'lwctl;org;help;mapping' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Validate a mapping file: required keys, AWS account ids, duplicates')
            [CompletionResult]::new('route', 'route', [CompletionResultType]::ParameterValue, 'Which Lacework account receives an AWS account''s alerts')
            break
        }
        'lwctl;org;help;mapping;check' {
            break
        }
        'lwctl;org;help;mapping;route' {
            break
        }
        'lwctl;org;help;help' {
            break
        }
        'lwctl;generate' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]')
            [CompletionResult]::new('--subaccount', '--subaccount', [CompletionResultType]::ParameterName, 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]')
            [CompletionResult]::new('-k', '-k', [CompletionResultType]::ParameterName, 'API key id [env: LW_API_KEY]')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'API key id [env: LW_API_KEY]')
            [CompletionResult]::new('--api-secret-file', '--api-secret-file', [CompletionResultType]::ParameterName, 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Connect and request timeout')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for 429, 5xx, connection errors and broken answers')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'Longest single wait between retries (429 resets are capped to it)')
            [CompletionResult]::new('--max-response', '--max-response', [CompletionResultType]::ParameterName, 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organization-level data (sends Org-Access: true)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr (-vv adds headers); secrets are always redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr (-vv adds headers); secrets are always redacted')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache [env: LW_NOCACHE]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail and name the flag instead [env: LW_NONINTERACTIVE]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'The official CLI''s spelling of -o json [env: LW_JSON]')
            [CompletionResult]::new('--nocolor', '--nocolor', [CompletionResultType]::ParameterName, 'The official CLI''s spelling of --color never [env: LW_NOCOLOR]')
            [CompletionResult]::new('--allow-insecure-config', '--allow-insecure-config', [CompletionResultType]::ParameterName, 'Read a secret from a file other users can read (refused by default, like ssh keys)')
            [CompletionResult]::new('--csv-raw', '--csv-raw', [CompletionResultType]::ParameterName, 'Write CSV cells exactly, even ones a spreadsheet would run as a formula (by default a cell starting with = + - @ gets a leading '')')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Write completion scripts for every supported shell')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Write man pages')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lwctl;generate;completions' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'dir')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]')
            [CompletionResult]::new('--subaccount', '--subaccount', [CompletionResultType]::ParameterName, 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]')
            [CompletionResult]::new('-k', '-k', [CompletionResultType]::ParameterName, 'API key id [env: LW_API_KEY]')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'API key id [env: LW_API_KEY]')
            [CompletionResult]::new('--api-secret-file', '--api-secret-file', [CompletionResultType]::ParameterName, 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Connect and request timeout')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for 429, 5xx, connection errors and broken answers')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'Longest single wait between retries (429 resets are capped to it)')
            [CompletionResult]::new('--max-response', '--max-response', [CompletionResultType]::ParameterName, 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organization-level data (sends Org-Access: true)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr (-vv adds headers); secrets are always redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr (-vv adds headers); secrets are always redacted')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache [env: LW_NOCACHE]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail and name the flag instead [env: LW_NONINTERACTIVE]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'The official CLI''s spelling of -o json [env: LW_JSON]')
            [CompletionResult]::new('--nocolor', '--nocolor', [CompletionResultType]::ParameterName, 'The official CLI''s spelling of --color never [env: LW_NOCOLOR]')
            [CompletionResult]::new('--allow-insecure-config', '--allow-insecure-config', [CompletionResultType]::ParameterName, 'Read a secret from a file other users can read (refused by default, like ssh keys)')
            [CompletionResult]::new('--csv-raw', '--csv-raw', [CompletionResultType]::ParameterName, 'Write CSV cells exactly, even ones a spreadsheet would run as a formula (by default a cell starting with = + - @ gets a leading '')')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lwctl;generate;man' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'dir')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]')
            [CompletionResult]::new('--subaccount', '--subaccount', [CompletionResultType]::ParameterName, 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]')
            [CompletionResult]::new('-k', '-k', [CompletionResultType]::ParameterName, 'API key id [env: LW_API_KEY]')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'API key id [env: LW_API_KEY]')
            [CompletionResult]::new('--api-secret-file', '--api-secret-file', [CompletionResultType]::ParameterName, 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Connect and request timeout')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for 429, 5xx, connection errors and broken answers')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'Longest single wait between retries (429 resets are capped to it)')
            [CompletionResult]::new('--max-response', '--max-response', [CompletionResultType]::ParameterName, 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organization-level data (sends Org-Access: true)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr (-vv adds headers); secrets are always redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr (-vv adds headers); secrets are always redacted')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache [env: LW_NOCACHE]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail and name the flag instead [env: LW_NONINTERACTIVE]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'The official CLI''s spelling of -o json [env: LW_JSON]')
            [CompletionResult]::new('--nocolor', '--nocolor', [CompletionResultType]::ParameterName, 'The official CLI''s spelling of --color never [env: LW_NOCOLOR]')
            [CompletionResult]::new('--allow-insecure-config', '--allow-insecure-config', [CompletionResultType]::ParameterName, 'Read a secret from a file other users can read (refused by default, like ssh keys)')
            [CompletionResult]::new('--csv-raw', '--csv-raw', [CompletionResultType]::ParameterName, 'Write CSV cells exactly, even ones a spreadsheet would run as a formula (by default a cell starting with = + - @ gets a leading '')')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lwctl;generate;help' {
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Write completion scripts for every supported shell')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Write man pages')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lwctl;generate;help;completions' {
            break
        }
        'lwctl;generate;help;man' {
            break
        }
        'lwctl;generate;help;help' {
            break
        }
        'lwctl;api' {
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'The JSON body: inline, @FILE, or @- for stdin')
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'The JSON body: inline, @FILE, or @- for stdin')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]')
            [CompletionResult]::new('--subaccount', '--subaccount', [CompletionResultType]::ParameterName, 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]')
            [CompletionResult]::new('-k', '-k', [CompletionResultType]::ParameterName, 'API key id [env: LW_API_KEY]')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'API key id [env: LW_API_KEY]')
            [CompletionResult]::new('--api-secret-file', '--api-secret-file', [CompletionResultType]::ParameterName, 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Connect and request timeout')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for 429, 5xx, connection errors and broken answers')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'Longest single wait between retries (429 resets are capped to it)')
            [CompletionResult]::new('--max-response', '--max-response', [CompletionResultType]::ParameterName, 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken')
            [CompletionResult]::new('--paginate', '--paginate', [CompletionResultType]::ParameterName, 'Follow paging.urls.nextPage and print every page''s data as one stream (GET only)')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organization-level data (sends Org-Access: true)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr (-vv adds headers); secrets are always redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr (-vv adds headers); secrets are always redacted')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache [env: LW_NOCACHE]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail and name the flag instead [env: LW_NONINTERACTIVE]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'The official CLI''s spelling of -o json [env: LW_JSON]')
            [CompletionResult]::new('--nocolor', '--nocolor', [CompletionResultType]::ParameterName, 'The official CLI''s spelling of --color never [env: LW_NOCOLOR]')
            [CompletionResult]::new('--allow-insecure-config', '--allow-insecure-config', [CompletionResultType]::ParameterName, 'Read a secret from a file other users can read (refused by default, like ssh keys)')
            [CompletionResult]::new('--csv-raw', '--csv-raw', [CompletionResultType]::ParameterName, 'Write CSV cells exactly, even ones a spreadsheet would run as a formula (by default a cell starting with = + - @ gets a leading '')')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lwctl;version' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]')
            [CompletionResult]::new('--subaccount', '--subaccount', [CompletionResultType]::ParameterName, 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]')
            [CompletionResult]::new('-k', '-k', [CompletionResultType]::ParameterName, 'API key id [env: LW_API_KEY]')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'API key id [env: LW_API_KEY]')
            [CompletionResult]::new('--api-secret-file', '--api-secret-file', [CompletionResultType]::ParameterName, 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Connect and request timeout')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for 429, 5xx, connection errors and broken answers')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'Longest single wait between retries (429 resets are capped to it)')
            [CompletionResult]::new('--max-response', '--max-response', [CompletionResultType]::ParameterName, 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organization-level data (sends Org-Access: true)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr (-vv adds headers); secrets are always redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr (-vv adds headers); secrets are always redacted')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache [env: LW_NOCACHE]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail and name the flag instead [env: LW_NONINTERACTIVE]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'The official CLI''s spelling of -o json [env: LW_JSON]')
            [CompletionResult]::new('--nocolor', '--nocolor', [CompletionResultType]::ParameterName, 'The official CLI''s spelling of --color never [env: LW_NOCOLOR]')
            [CompletionResult]::new('--allow-insecure-config', '--allow-insecure-config', [CompletionResultType]::ParameterName, 'Read a secret from a file other users can read (refused by default, like ssh keys)')
            [CompletionResult]::new('--csv-raw', '--csv-raw', [CompletionResultType]::ParameterName, 'Write CSV cells exactly, even ones a spreadsheet would run as a formula (by default a cell starting with = + - @ gets a leading '')')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lwctl;completion' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]')
            [CompletionResult]::new('--account', '--account', [CompletionResultType]::ParameterName, 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]')
            [CompletionResult]::new('--subaccount', '--subaccount', [CompletionResultType]::ParameterName, 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]')
            [CompletionResult]::new('-k', '-k', [CompletionResultType]::ParameterName, 'API key id [env: LW_API_KEY]')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'API key id [env: LW_API_KEY]')
            [CompletionResult]::new('--api-secret-file', '--api-secret-file', [CompletionResultType]::ParameterName, 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, ndjson otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Connect and request timeout')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries for 429, 5xx, connection errors and broken answers')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'Longest single wait between retries (429 resets are capped to it)')
            [CompletionResult]::new('--max-response', '--max-response', [CompletionResultType]::ParameterName, 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organization-level data (sends Org-Access: true)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests on stderr (-vv adds headers); secrets are always redacted')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests on stderr (-vv adds headers); secrets are always redacted')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the token cache [env: LW_NOCACHE]')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail and name the flag instead [env: LW_NONINTERACTIVE]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'The official CLI''s spelling of -o json [env: LW_JSON]')
            [CompletionResult]::new('--nocolor', '--nocolor', [CompletionResultType]::ParameterName, 'The official CLI''s spelling of --color never [env: LW_NOCOLOR]')
            [CompletionResult]::new('--allow-insecure-config', '--allow-insecure-config', [CompletionResultType]::ParameterName, 'Read a secret from a file other users can read (refused by default, like ssh keys)')
            [CompletionResult]::new('--csv-raw', '--csv-raw', [CompletionResultType]::ParameterName, 'Write CSV cells exactly, even ones a spreadsheet would run as a formula (by default a cell starting with = + - @ gets a leading '')')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'lwctl;help' {
            [CompletionResult]::new('auth', 'auth', [CompletionResultType]::ParameterValue, 'Check credentials and connectivity')
            [CompletionResult]::new('alerts', 'alerts', [CompletionResultType]::ParameterValue, 'List, poll and inspect alerts')
            [CompletionResult]::new('normalize', 'normalize', [CompletionResultType]::ParameterValue, 'Lacework alerts in, normalized SOC events out (NDJSON)')
            [CompletionResult]::new('configure', 'configure', [CompletionResultType]::ParameterValue, 'Write a profile to ~/.lacework.toml')
            [CompletionResult]::new('org', 'org', [CompletionResultType]::ParameterValue, 'What this key can reach, and the CloudTrail account mapping')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Generate shell completions or man pages')
            [CompletionResult]::new('api', 'api', [CompletionResultType]::ParameterValue, 'Any Lacework API v2 endpoint through lwctl''s client (credentials, retries, redaction)')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Print the version (as --version does)')
            [CompletionResult]::new('completion', 'completion', [CompletionResultType]::ParameterValue, 'Print a shell completion script to stdout')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'lwctl;help;auth' {
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Exchange the key for a token and read one page of alerts, diagnosing what fails')
            break
        }
        'lwctl;help;auth;test' {
            break
        }
        'lwctl;help;alerts' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List alerts in a time range')
            [CompletionResult]::new('poll', 'poll', [CompletionResultType]::ParameterValue, 'Poll new alerts into a file or stdout, for cron: nothing lost, nothing duplicated')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one alert''s details')
            [CompletionResult]::new('comment', 'comment', [CompletionResultType]::ParameterValue, 'Add a comment to one or more alerts')
            [CompletionResult]::new('close', 'close', [CompletionResultType]::ParameterValue, 'Close one or more alerts (a closed alert cannot be reopened)')
            break
        }
        'lwctl;help;alerts;list' {
            break
        }
        'lwctl;help;alerts;poll' {
            break
        }
        'lwctl;help;alerts;get' {
            break
        }
        'lwctl;help;alerts;comment' {
            break
        }
        'lwctl;help;alerts;close' {
            break
        }
        'lwctl;help;normalize' {
            break
        }
        'lwctl;help;configure' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The profiles in ~/.lacework.toml, key ids and secrets masked; * marks the one in use')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'One value of the profile in use (never the secret)')
            break
        }
        'lwctl;help;configure;list' {
            break
        }
        'lwctl;help;configure;show' {
            break
        }
        'lwctl;help;org' {
            [CompletionResult]::new('accounts', 'accounts', [CompletionResultType]::ParameterValue, 'The accounts and subaccounts this key''s user can reach (UserProfile)')
            [CompletionResult]::new('mapping', 'mapping', [CompletionResultType]::ParameterValue, 'The CloudTrail-for-Organizations account mapping file')
            break
        }
        'lwctl;help;org;accounts' {
            break
        }
        'lwctl;help;org;mapping' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Validate a mapping file: required keys, AWS account ids, duplicates')
            [CompletionResult]::new('route', 'route', [CompletionResultType]::ParameterValue, 'Which Lacework account receives an AWS account''s alerts')
            break
        }
        'lwctl;help;org;mapping;check' {
            break
        }
        'lwctl;help;org;mapping;route' {
            break
        }
        'lwctl;help;generate' {
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Write completion scripts for every supported shell')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Write man pages')
            break
        }
        'lwctl;help;generate;completions' {
            break
        }
        'lwctl;help;generate;man' {
            break
        }
        'lwctl;help;api' {
            break
        }
        'lwctl;help;version' {
            break
        }
        'lwctl;help;completion' {
            break
        }
        'lwctl;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}

# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_lwctl_global_optspecs
    string join \n p/profile= a/account= subaccount= k/api-key= api-secret-file= org o/output= v/verbose no-cache no-pager no-input json nocolor color= timeout= retries= max-wait= max-response= allow-insecure-config csv-raw h/help V/version
end

function __fish_lwctl_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_lwctl_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_lwctl_using_subcommand
    set -l cmd (__fish_lwctl_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c lwctl -n "__fish_lwctl_needs_command" -s p -l profile -d 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]' -r
complete -c lwctl -n "__fish_lwctl_needs_command" -s a -l account -d 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]' -r
complete -c lwctl -n "__fish_lwctl_needs_command" -l subaccount -d 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]' -r
complete -c lwctl -n "__fish_lwctl_needs_command" -s k -l api-key -d 'API key id [env: LW_API_KEY]' -r
complete -c lwctl -n "__fish_lwctl_needs_command" -l api-secret-file -d 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]' -r -F
complete -c lwctl -n "__fish_lwctl_needs_command" -s o -l output -d 'Output format [default: table on a terminal, ndjson otherwise]' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line (the default when piped)'
csv\t'Comma-separated values with a header'"
complete -c lwctl -n "__fish_lwctl_needs_command" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lwctl -n "__fish_lwctl_needs_command" -l timeout -d 'Deadline for each request, from connecting to the last byte of the answer (100ms to 1d)' -r
complete -c lwctl -n "__fish_lwctl_needs_command" -l retries -d 'Retries for 429, 5xx, connection errors and broken answers (0 to 100)' -r
complete -c lwctl -n "__fish_lwctl_needs_command" -l max-wait -d 'Longest single wait between retries; 429 resets are capped to it (0s to 1d)' -r
complete -c lwctl -n "__fish_lwctl_needs_command" -l max-response -d 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken' -r
complete -c lwctl -n "__fish_lwctl_needs_command" -l org -d 'Organization-level data (sends Org-Access: true)'
complete -c lwctl -n "__fish_lwctl_needs_command" -s v -l verbose -d 'Trace requests on stderr (-vv adds headers); secrets are always redacted'
complete -c lwctl -n "__fish_lwctl_needs_command" -l no-cache -d 'Neither read nor write the token cache [env: LW_NOCACHE]'
complete -c lwctl -n "__fish_lwctl_needs_command" -l no-pager -d 'Print long tables straight to the terminal instead of through $PAGER [env: LWCTL_PAGER, PAGER; `cat` turns paging off too]'
complete -c lwctl -n "__fish_lwctl_needs_command" -l no-input -d 'Never prompt; fail and name the flag instead [env: LW_NONINTERACTIVE]'
complete -c lwctl -n "__fish_lwctl_needs_command" -l json -d 'The official CLI\'s spelling of -o json [env: LW_JSON]'
complete -c lwctl -n "__fish_lwctl_needs_command" -l nocolor -d 'The official CLI\'s spelling of --color never [env: LW_NOCOLOR]'
complete -c lwctl -n "__fish_lwctl_needs_command" -l allow-insecure-config -d 'Read a secret from a file other users can read (refused by default, like ssh keys)'
complete -c lwctl -n "__fish_lwctl_needs_command" -l csv-raw -d 'Write CSV cells exactly, even ones a spreadsheet would run as a formula (by default a cell starting with = + - @ gets a leading \')'
complete -c lwctl -n "__fish_lwctl_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lwctl -n "__fish_lwctl_needs_command" -s V -l version -d 'Print version'
complete -c lwctl -n "__fish_lwctl_needs_command" -f -a "auth" -d 'Check credentials and connectivity'
complete -c lwctl -n "__fish_lwctl_needs_command" -f -a "alerts" -d 'List, poll and inspect alerts'
complete -c lwctl -n "__fish_lwctl_needs_command" -f -a "normalize" -d 'Lacework alerts in, normalized SOC events out (NDJSON)'
complete -c lwctl -n "__fish_lwctl_needs_command" -f -a "configure" -d 'Write a profile to ~/.lacework.toml'
complete -c lwctl -n "__fish_lwctl_needs_command" -f -a "org" -d 'What this key can reach, and the CloudTrail account mapping'
complete -c lwctl -n "__fish_lwctl_needs_command" -f -a "generate" -d 'Generate shell completions or man pages'
complete -c lwctl -n "__fish_lwctl_needs_command" -f -a "api" -d 'Any Lacework API v2 endpoint through lwctl\'s client (credentials, retries, redaction)'
complete -c lwctl -n "__fish_lwctl_needs_command" -f -a "version" -d 'Print the version (as --version does)'
complete -c lwctl -n "__fish_lwctl_needs_command" -f -a "completion" -d 'Print a shell completion script to stdout'
complete -c lwctl -n "__fish_lwctl_using_subcommand auth; and not __fish_seen_subcommand_from test" -s p -l profile -d 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand auth; and not __fish_seen_subcommand_from test" -s a -l account -d 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand auth; and not __fish_seen_subcommand_from test" -l subaccount -d 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand auth; and not __fish_seen_subcommand_from test" -s k -l api-key -d 'API key id [env: LW_API_KEY]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand auth; and not __fish_seen_subcommand_from test" -l api-secret-file -d 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]' -r -F
complete -c lwctl -n "__fish_lwctl_using_subcommand auth; and not __fish_seen_subcommand_from test" -s o -l output -d 'Output format [default: table on a terminal, ndjson otherwise]' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line (the default when piped)'
csv\t'Comma-separated values with a header'"
complete -c lwctl -n "__fish_lwctl_using_subcommand auth; and not __fish_seen_subcommand_from test" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lwctl -n "__fish_lwctl_using_subcommand auth; and not __fish_seen_subcommand_from test" -l timeout -d 'Deadline for each request, from connecting to the last byte of the answer (100ms to 1d)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand auth; and not __fish_seen_subcommand_from test" -l retries -d 'Retries for 429, 5xx, connection errors and broken answers (0 to 100)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand auth; and not __fish_seen_subcommand_from test" -l max-wait -d 'Longest single wait between retries; 429 resets are capped to it (0s to 1d)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand auth; and not __fish_seen_subcommand_from test" -l max-response -d 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand auth; and not __fish_seen_subcommand_from test" -l org -d 'Organization-level data (sends Org-Access: true)'
complete -c lwctl -n "__fish_lwctl_using_subcommand auth; and not __fish_seen_subcommand_from test" -s v -l verbose -d 'Trace requests on stderr (-vv adds headers); secrets are always redacted'
complete -c lwctl -n "__fish_lwctl_using_subcommand auth; and not __fish_seen_subcommand_from test" -l no-cache -d 'Neither read nor write the token cache [env: LW_NOCACHE]'
complete -c lwctl -n "__fish_lwctl_using_subcommand auth; and not __fish_seen_subcommand_from test" -l no-pager -d 'Print long tables straight to the terminal instead of through $PAGER [env: LWCTL_PAGER, PAGER; `cat` turns paging off too]'
complete -c lwctl -n "__fish_lwctl_using_subcommand auth; and not __fish_seen_subcommand_from test" -l no-input -d 'Never prompt; fail and name the flag instead [env: LW_NONINTERACTIVE]'
complete -c lwctl -n "__fish_lwctl_using_subcommand auth; and not __fish_seen_subcommand_from test" -l json -d 'The official CLI\'s spelling of -o json [env: LW_JSON]'
complete -c lwctl -n "__fish_lwctl_using_subcommand auth; and not __fish_seen_subcommand_from test" -l nocolor -d 'The official CLI\'s spelling of --color never [env: LW_NOCOLOR]'
complete -c lwctl -n "__fish_lwctl_using_subcommand auth; and not __fish_seen_subcommand_from test" -l allow-insecure-config -d 'Read a secret from a file other users can read (refused by default, like ssh keys)'
complete -c lwctl -n "__fish_lwctl_using_subcommand auth; and not __fish_seen_subcommand_from test" -l csv-raw -d 'Write CSV cells exactly, even ones a spreadsheet would run as a formula (by default a cell starting with = + - @ gets a leading \')'
complete -c lwctl -n "__fish_lwctl_using_subcommand auth; and not __fish_seen_subcommand_from test" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lwctl -n "__fish_lwctl_using_subcommand auth; and not __fish_seen_subcommand_from test" -s V -l version -d 'Print version'
complete -c lwctl -n "__fish_lwctl_using_subcommand auth; and not __fish_seen_subcommand_from test" -f -a "test" -d 'Exchange the key for a token and read one page of alerts, diagnosing what fails'
complete -c lwctl -n "__fish_lwctl_using_subcommand auth; and __fish_seen_subcommand_from test" -l subaccounts -d 'These accounts (comma-separated, any case), one token and one rate budget for all' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand auth; and __fish_seen_subcommand_from test" -s p -l profile -d 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand auth; and __fish_seen_subcommand_from test" -s a -l account -d 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand auth; and __fish_seen_subcommand_from test" -l subaccount -d 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand auth; and __fish_seen_subcommand_from test" -s k -l api-key -d 'API key id [env: LW_API_KEY]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand auth; and __fish_seen_subcommand_from test" -l api-secret-file -d 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]' -r -F
complete -c lwctl -n "__fish_lwctl_using_subcommand auth; and __fish_seen_subcommand_from test" -s o -l output -d 'Output format [default: table on a terminal, ndjson otherwise]' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line (the default when piped)'
csv\t'Comma-separated values with a header'"
complete -c lwctl -n "__fish_lwctl_using_subcommand auth; and __fish_seen_subcommand_from test" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lwctl -n "__fish_lwctl_using_subcommand auth; and __fish_seen_subcommand_from test" -l timeout -d 'Deadline for each request, from connecting to the last byte of the answer (100ms to 1d)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand auth; and __fish_seen_subcommand_from test" -l retries -d 'Retries for 429, 5xx, connection errors and broken answers (0 to 100)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand auth; and __fish_seen_subcommand_from test" -l max-wait -d 'Longest single wait between retries; 429 resets are capped to it (0s to 1d)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand auth; and __fish_seen_subcommand_from test" -l max-response -d 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand auth; and __fish_seen_subcommand_from test" -l all-subaccounts -d 'Every account UserProfile lists as enabled for this key\'s user, the primary included'
complete -c lwctl -n "__fish_lwctl_using_subcommand auth; and __fish_seen_subcommand_from test" -l org -d 'Organization-level data (sends Org-Access: true)'
complete -c lwctl -n "__fish_lwctl_using_subcommand auth; and __fish_seen_subcommand_from test" -s v -l verbose -d 'Trace requests on stderr (-vv adds headers); secrets are always redacted'
complete -c lwctl -n "__fish_lwctl_using_subcommand auth; and __fish_seen_subcommand_from test" -l no-cache -d 'Neither read nor write the token cache [env: LW_NOCACHE]'
complete -c lwctl -n "__fish_lwctl_using_subcommand auth; and __fish_seen_subcommand_from test" -l no-pager -d 'Print long tables straight to the terminal instead of through $PAGER [env: LWCTL_PAGER, PAGER; `cat` turns paging off too]'
complete -c lwctl -n "__fish_lwctl_using_subcommand auth; and __fish_seen_subcommand_from test" -l no-input -d 'Never prompt; fail and name the flag instead [env: LW_NONINTERACTIVE]'
complete -c lwctl -n "__fish_lwctl_using_subcommand auth; and __fish_seen_subcommand_from test" -l json -d 'The official CLI\'s spelling of -o json [env: LW_JSON]'
complete -c lwctl -n "__fish_lwctl_using_subcommand auth; and __fish_seen_subcommand_from test" -l nocolor -d 'The official CLI\'s spelling of --color never [env: LW_NOCOLOR]'
complete -c lwctl -n "__fish_lwctl_using_subcommand auth; and __fish_seen_subcommand_from test" -l allow-insecure-config -d 'Read a secret from a file other users can read (refused by default, like ssh keys)'
complete -c lwctl -n "__fish_lwctl_using_subcommand auth; and __fish_seen_subcommand_from test" -l csv-raw -d 'Write CSV cells exactly, even ones a spreadsheet would run as a formula (by default a cell starting with = + - @ gets a leading \')'
complete -c lwctl -n "__fish_lwctl_using_subcommand auth; and __fish_seen_subcommand_from test" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lwctl -n "__fish_lwctl_using_subcommand auth; and __fish_seen_subcommand_from test" -s V -l version -d 'Print version'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and not __fish_seen_subcommand_from list poll get comment close open" -s p -l profile -d 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and not __fish_seen_subcommand_from list poll get comment close open" -s a -l account -d 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and not __fish_seen_subcommand_from list poll get comment close open" -l subaccount -d 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and not __fish_seen_subcommand_from list poll get comment close open" -s k -l api-key -d 'API key id [env: LW_API_KEY]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and not __fish_seen_subcommand_from list poll get comment close open" -l api-secret-file -d 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]' -r -F
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and not __fish_seen_subcommand_from list poll get comment close open" -s o -l output -d 'Output format [default: table on a terminal, ndjson otherwise]' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line (the default when piped)'
csv\t'Comma-separated values with a header'"
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and not __fish_seen_subcommand_from list poll get comment close open" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and not __fish_seen_subcommand_from list poll get comment close open" -l timeout -d 'Deadline for each request, from connecting to the last byte of the answer (100ms to 1d)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and not __fish_seen_subcommand_from list poll get comment close open" -l retries -d 'Retries for 429, 5xx, connection errors and broken answers (0 to 100)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and not __fish_seen_subcommand_from list poll get comment close open" -l max-wait -d 'Longest single wait between retries; 429 resets are capped to it (0s to 1d)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and not __fish_seen_subcommand_from list poll get comment close open" -l max-response -d 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and not __fish_seen_subcommand_from list poll get comment close open" -l org -d 'Organization-level data (sends Org-Access: true)'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and not __fish_seen_subcommand_from list poll get comment close open" -s v -l verbose -d 'Trace requests on stderr (-vv adds headers); secrets are always redacted'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and not __fish_seen_subcommand_from list poll get comment close open" -l no-cache -d 'Neither read nor write the token cache [env: LW_NOCACHE]'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and not __fish_seen_subcommand_from list poll get comment close open" -l no-pager -d 'Print long tables straight to the terminal instead of through $PAGER [env: LWCTL_PAGER, PAGER; `cat` turns paging off too]'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and not __fish_seen_subcommand_from list poll get comment close open" -l no-input -d 'Never prompt; fail and name the flag instead [env: LW_NONINTERACTIVE]'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and not __fish_seen_subcommand_from list poll get comment close open" -l json -d 'The official CLI\'s spelling of -o json [env: LW_JSON]'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and not __fish_seen_subcommand_from list poll get comment close open" -l nocolor -d 'The official CLI\'s spelling of --color never [env: LW_NOCOLOR]'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and not __fish_seen_subcommand_from list poll get comment close open" -l allow-insecure-config -d 'Read a secret from a file other users can read (refused by default, like ssh keys)'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and not __fish_seen_subcommand_from list poll get comment close open" -l csv-raw -d 'Write CSV cells exactly, even ones a spreadsheet would run as a formula (by default a cell starting with = + - @ gets a leading \')'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and not __fish_seen_subcommand_from list poll get comment close open" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and not __fish_seen_subcommand_from list poll get comment close open" -s V -l version -d 'Print version'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and not __fish_seen_subcommand_from list poll get comment close open" -f -a "list" -d 'List alerts in a time range'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and not __fish_seen_subcommand_from list poll get comment close open" -f -a "poll" -d 'Poll new alerts into a file or stdout, for cron: nothing lost, nothing duplicated'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and not __fish_seen_subcommand_from list poll get comment close open" -f -a "get" -d 'Show one alert\'s details'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and not __fish_seen_subcommand_from list poll get comment close open" -f -a "comment" -d 'Add a comment to one or more alerts'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and not __fish_seen_subcommand_from list poll get comment close open" -f -a "close" -d 'Close one or more alerts (a closed alert cannot be reopened)'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and not __fish_seen_subcommand_from list poll get comment close open" -f -a "open" -d 'Open an alert in the Lacework console (prints the URL without a display, or with --url)'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from list" -l start -d 'Start: -24h, -7d, -7d@d (snapped to midnight), now, epoch seconds or milliseconds, 2026-11-01, \'2026-11-01 13:00\', RFC 3339 [default: -24h]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from list" -l end -d 'End, exclusive: same forms as --start, but a date alone includes that whole day; a future end is clamped to now [default: now]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from list" -l range -d 'Instead of --start/--end: \'last 7 days\', \'last 24 hours\', \'today\', \'yesterday\'' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from list" -l severity -d 'A level is a threshold (high = high and critical); a list is exact (critical,low)' -r -f -a "critical\t''
high\t''
medium\t''
low\t''
info\t''"
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from list" -l status -d 'Open, Closed or "In Progress"' -r -f -a "open\t''
closed\t''
in-progress\t''"
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from list" -l type -d 'Alert type, e.g. NewExternalServerDns' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from list" -l limit -d 'Only the N newest alerts (newest first); with --oldest, the N oldest' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from list" -l severity-ladder -d '4 folds critical into high (the connector\'s ladder); 5 keeps critical' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from list" -l schema -d 'The event shape: aisoc (the connector\'s), ocsf (OCSF 1.3 Detection Finding) or ecs' -r -f -a "aisoc\t'The AiSOC connector\'s event (the default)'
ocsf\t'OCSF 1.3 Detection Finding (class 2004)'
ecs\t'Elastic Common Schema'"
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from list" -l subaccounts -d 'These accounts (comma-separated, any case), one token and one rate budget for all' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from list" -l aws-account -d 'Query the Lacework account that receives this AWS account\'s CloudTrail alerts (needs --mapping)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from list" -l mapping -d 'The CloudTrail-for-Organizations account mapping file [env: LWCTL_ACCOUNT_MAPPING]' -r -F
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from list" -s p -l profile -d 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from list" -s a -l account -d 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from list" -l subaccount -d 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from list" -s k -l api-key -d 'API key id [env: LW_API_KEY]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from list" -l api-secret-file -d 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]' -r -F
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format [default: table on a terminal, ndjson otherwise]' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line (the default when piped)'
csv\t'Comma-separated values with a header'"
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from list" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from list" -l timeout -d 'Deadline for each request, from connecting to the last byte of the answer (100ms to 1d)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from list" -l retries -d 'Retries for 429, 5xx, connection errors and broken answers (0 to 100)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from list" -l max-wait -d 'Longest single wait between retries; 429 resets are capped to it (0s to 1d)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from list" -l max-response -d 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from list" -l oldest -d 'With --limit: the oldest N, read and printed as they come (stops early)'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from list" -l reverse -d 'Tables oldest first (they are newest first)'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from list" -l skip-invalid -d 'Skip alerts that cannot be used (not an object, no id, not normalizable), count them and say where, instead of stopping'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from list" -l normalize -d 'Emit normalized SOC events instead of Lacework\'s alert objects'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from list" -l all-subaccounts -d 'Every account UserProfile lists as enabled for this key\'s user, the primary included'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from list" -l org -d 'Organization-level data (sends Org-Access: true)'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Trace requests on stderr (-vv adds headers); secrets are always redacted'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from list" -l no-cache -d 'Neither read nor write the token cache [env: LW_NOCACHE]'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from list" -l no-pager -d 'Print long tables straight to the terminal instead of through $PAGER [env: LWCTL_PAGER, PAGER; `cat` turns paging off too]'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; fail and name the flag instead [env: LW_NONINTERACTIVE]'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from list" -l json -d 'The official CLI\'s spelling of -o json [env: LW_JSON]'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from list" -l nocolor -d 'The official CLI\'s spelling of --color never [env: LW_NOCOLOR]'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from list" -l allow-insecure-config -d 'Read a secret from a file other users can read (refused by default, like ssh keys)'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from list" -l csv-raw -d 'Write CSV cells exactly, even ones a spreadsheet would run as a formula (by default a cell starting with = + - @ gets a leading \')'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from poll" -l since -d 'First window (no state yet): this far back (1s to 3650d)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from poll" -l state -d 'State file: the cursor, recent IDs and the output\'s committed length' -r -F
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from poll" -l out -d 'Append NDJSON to this file (fsync\'d before the state is committed) instead of stdout' -r -F
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from poll" -l out-dir -d 'With many accounts: append each account\'s NDJSON to DIR/<account>.ndjson' -r -F
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from poll" -l overlap -d 'Look-back: how far before the cursor each window starts, for alerts published late (anomaly alerts appear 1-2 hours after their start; 0s to 30d)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from poll" -l every -d 'Keep running and poll on this interval (100ms to 7d); SIGINT/SIGTERM commit and exit 0' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from poll" -l log -d 'Append a line per event (the summary, each warning and error), each with its UTC time and account; safe under logrotate\'s create and copytruncate' -r -F
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from poll" -l metrics -d 'After every run, success or failure, write Prometheus metrics to FILE (for node_exporter\'s textfile collector), atomically, mode 0644' -r -F
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from poll" -l summary -d 'The summary line on stderr: text, or one JSON object for log shippers [default: text; json with --out and -o json]' -r -f -a "text\t''
json\t''"
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from poll" -l track-status -d 'Also follow the alerts written that started within WINDOW (7d when given alone; 1m to 90d): one update event each time one\'s status or lastUserUpdatedTime changes, until it is closed' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from poll" -l track-every -d 'How often --track-status re-reads the alerts it follows (0s: every run; up to 7d)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from poll" -l severity -d 'A level is a threshold (high = high and critical); a list is exact (critical,low)' -r -f -a "critical\t''
high\t''
medium\t''
low\t''
info\t''"
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from poll" -l status -d 'Open, Closed or "In Progress"' -r -f -a "open\t''
closed\t''
in-progress\t''"
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from poll" -l type -d 'Alert type, e.g. NewExternalServerDns' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from poll" -l severity-ladder -d '4 folds critical into high (the connector\'s ladder); 5 keeps critical' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from poll" -l schema -d 'The event shape: aisoc (the connector\'s), ocsf (OCSF 1.3 Detection Finding) or ecs' -r -f -a "aisoc\t'The AiSOC connector\'s event (the default)'
ocsf\t'OCSF 1.3 Detection Finding (class 2004)'
ecs\t'Elastic Common Schema'"
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from poll" -l subaccounts -d 'These accounts (comma-separated, any case), one token and one rate budget for all' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from poll" -l aws-account -d 'Query the Lacework account that receives this AWS account\'s CloudTrail alerts (needs --mapping)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from poll" -l mapping -d 'The CloudTrail-for-Organizations account mapping file [env: LWCTL_ACCOUNT_MAPPING]' -r -F
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from poll" -s p -l profile -d 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from poll" -s a -l account -d 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from poll" -l subaccount -d 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from poll" -s k -l api-key -d 'API key id [env: LW_API_KEY]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from poll" -l api-secret-file -d 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]' -r -F
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from poll" -s o -l output -d 'Output format [default: table on a terminal, ndjson otherwise]' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line (the default when piped)'
csv\t'Comma-separated values with a header'"
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from poll" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from poll" -l timeout -d 'Deadline for each request, from connecting to the last byte of the answer (100ms to 1d)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from poll" -l retries -d 'Retries for 429, 5xx, connection errors and broken answers (0 to 100)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from poll" -l max-wait -d 'Longest single wait between retries; 429 resets are capped to it (0s to 1d)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from poll" -l max-response -d 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from poll" -l wait -d 'Wait for another poll holding the state lock instead of exiting 9'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from poll" -l skip-invalid -d 'Skip alerts that cannot be used, count them and say where; the cursor moves on'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from poll" -s q -l quiet -d 'Nothing on stdout or stderr when a run succeeds: only errors and the warnings a person must act on (for cron, which mails what a job prints)'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from poll" -l normalize -d 'Emit normalized SOC events instead of Lacework\'s alert objects'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from poll" -l all-subaccounts -d 'Every account UserProfile lists as enabled for this key\'s user, the primary included'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from poll" -l org -d 'Organization-level data (sends Org-Access: true)'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from poll" -s v -l verbose -d 'Trace requests on stderr (-vv adds headers); secrets are always redacted'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from poll" -l no-cache -d 'Neither read nor write the token cache [env: LW_NOCACHE]'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from poll" -l no-pager -d 'Print long tables straight to the terminal instead of through $PAGER [env: LWCTL_PAGER, PAGER; `cat` turns paging off too]'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from poll" -l no-input -d 'Never prompt; fail and name the flag instead [env: LW_NONINTERACTIVE]'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from poll" -l json -d 'The official CLI\'s spelling of -o json [env: LW_JSON]'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from poll" -l nocolor -d 'The official CLI\'s spelling of --color never [env: LW_NOCOLOR]'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from poll" -l allow-insecure-config -d 'Read a secret from a file other users can read (refused by default, like ssh keys)'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from poll" -l csv-raw -d 'Write CSV cells exactly, even ones a spreadsheet would run as a formula (by default a cell starting with = + - @ gets a leading \')'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from poll" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from poll" -s V -l version -d 'Print version'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from poll" -f -a "status" -d 'Is the feed healthy? Reads the state, sends no request; exit 11 when it is not'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from get" -l scope -d 'Which part of the alert' -r -f -a "details\t''
investigation\t''
events\t''
relatedalerts\t''
integrations\t''
timeline\t''
observationtimeline\t''"
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from get" -s p -l profile -d 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from get" -s a -l account -d 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from get" -l subaccount -d 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from get" -s k -l api-key -d 'API key id [env: LW_API_KEY]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from get" -l api-secret-file -d 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]' -r -F
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from get" -s o -l output -d 'Output format [default: table on a terminal, ndjson otherwise]' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line (the default when piped)'
csv\t'Comma-separated values with a header'"
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from get" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from get" -l timeout -d 'Deadline for each request, from connecting to the last byte of the answer (100ms to 1d)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from get" -l retries -d 'Retries for 429, 5xx, connection errors and broken answers (0 to 100)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from get" -l max-wait -d 'Longest single wait between retries; 429 resets are capped to it (0s to 1d)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from get" -l max-response -d 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from get" -l org -d 'Organization-level data (sends Org-Access: true)'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from get" -s v -l verbose -d 'Trace requests on stderr (-vv adds headers); secrets are always redacted'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from get" -l no-cache -d 'Neither read nor write the token cache [env: LW_NOCACHE]'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from get" -l no-pager -d 'Print long tables straight to the terminal instead of through $PAGER [env: LWCTL_PAGER, PAGER; `cat` turns paging off too]'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from get" -l no-input -d 'Never prompt; fail and name the flag instead [env: LW_NONINTERACTIVE]'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from get" -l json -d 'The official CLI\'s spelling of -o json [env: LW_JSON]'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from get" -l nocolor -d 'The official CLI\'s spelling of --color never [env: LW_NOCOLOR]'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from get" -l allow-insecure-config -d 'Read a secret from a file other users can read (refused by default, like ssh keys)'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from get" -l csv-raw -d 'Write CSV cells exactly, even ones a spreadsheet would run as a formula (by default a cell starting with = + - @ gets a leading \')'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from get" -s V -l version -d 'Print version'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from comment" -l comment -d 'The comment (required with reason 0, other)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from comment" -l comment-file -d 'Read the comment from FILE, or from stdin with `-`' -r -F
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from comment" -l audit -d 'Append one JSON line per action to FILE (created 0600) [env: LWCTL_AUDIT_LOG]' -r -F
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from comment" -s p -l profile -d 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from comment" -s a -l account -d 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from comment" -l subaccount -d 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from comment" -s k -l api-key -d 'API key id [env: LW_API_KEY]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from comment" -l api-secret-file -d 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]' -r -F
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from comment" -s o -l output -d 'Output format [default: table on a terminal, ndjson otherwise]' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line (the default when piped)'
csv\t'Comma-separated values with a header'"
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from comment" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from comment" -l timeout -d 'Deadline for each request, from connecting to the last byte of the answer (100ms to 1d)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from comment" -l retries -d 'Retries for 429, 5xx, connection errors and broken answers (0 to 100)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from comment" -l max-wait -d 'Longest single wait between retries; 429 resets are capped to it (0s to 1d)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from comment" -l max-response -d 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from comment" -l dry-run -d 'Show exactly what would be sent, and send nothing'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from comment" -s y -l yes -d 'Do not ask before acting'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from comment" -l org -d 'Organization-level data (sends Org-Access: true)'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from comment" -s v -l verbose -d 'Trace requests on stderr (-vv adds headers); secrets are always redacted'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from comment" -l no-cache -d 'Neither read nor write the token cache [env: LW_NOCACHE]'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from comment" -l no-pager -d 'Print long tables straight to the terminal instead of through $PAGER [env: LWCTL_PAGER, PAGER; `cat` turns paging off too]'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from comment" -l no-input -d 'Never prompt; fail and name the flag instead [env: LW_NONINTERACTIVE]'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from comment" -l json -d 'The official CLI\'s spelling of -o json [env: LW_JSON]'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from comment" -l nocolor -d 'The official CLI\'s spelling of --color never [env: LW_NOCOLOR]'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from comment" -l allow-insecure-config -d 'Read a secret from a file other users can read (refused by default, like ssh keys)'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from comment" -l csv-raw -d 'Write CSV cells exactly, even ones a spreadsheet would run as a formula (by default a cell starting with = + - @ gets a leading \')'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from comment" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from comment" -s V -l version -d 'Print version'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from close" -l reason -d 'Why: 0-5, or other, false-positive, not-enough-info, malicious-resolved, routine-testing, expected-behavior' -r -f -a "other\t''
false-positive\t''
not-enough-info\t''
malicious-resolved\t''
routine-testing\t''
expected-behavior\t''"
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from close" -l comment -d 'The comment (required with reason 0, other)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from close" -l comment-file -d 'Read the comment from FILE, or from stdin with `-`' -r -F
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from close" -l audit -d 'Append one JSON line per action to FILE (created 0600) [env: LWCTL_AUDIT_LOG]' -r -F
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from close" -s p -l profile -d 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from close" -s a -l account -d 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from close" -l subaccount -d 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from close" -s k -l api-key -d 'API key id [env: LW_API_KEY]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from close" -l api-secret-file -d 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]' -r -F
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from close" -s o -l output -d 'Output format [default: table on a terminal, ndjson otherwise]' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line (the default when piped)'
csv\t'Comma-separated values with a header'"
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from close" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from close" -l timeout -d 'Deadline for each request, from connecting to the last byte of the answer (100ms to 1d)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from close" -l retries -d 'Retries for 429, 5xx, connection errors and broken answers (0 to 100)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from close" -l max-wait -d 'Longest single wait between retries; 429 resets are capped to it (0s to 1d)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from close" -l max-response -d 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from close" -l dry-run -d 'Show exactly what would be sent, and send nothing'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from close" -s y -l yes -d 'Do not ask before acting'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from close" -l org -d 'Organization-level data (sends Org-Access: true)'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from close" -s v -l verbose -d 'Trace requests on stderr (-vv adds headers); secrets are always redacted'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from close" -l no-cache -d 'Neither read nor write the token cache [env: LW_NOCACHE]'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from close" -l no-pager -d 'Print long tables straight to the terminal instead of through $PAGER [env: LWCTL_PAGER, PAGER; `cat` turns paging off too]'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from close" -l no-input -d 'Never prompt; fail and name the flag instead [env: LW_NONINTERACTIVE]'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from close" -l json -d 'The official CLI\'s spelling of -o json [env: LW_JSON]'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from close" -l nocolor -d 'The official CLI\'s spelling of --color never [env: LW_NOCOLOR]'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from close" -l allow-insecure-config -d 'Read a secret from a file other users can read (refused by default, like ssh keys)'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from close" -l csv-raw -d 'Write CSV cells exactly, even ones a spreadsheet would run as a formula (by default a cell starting with = + - @ gets a leading \')'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from close" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from close" -s V -l version -d 'Print version'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from open" -s p -l profile -d 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from open" -s a -l account -d 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from open" -l subaccount -d 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from open" -s k -l api-key -d 'API key id [env: LW_API_KEY]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from open" -l api-secret-file -d 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]' -r -F
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from open" -s o -l output -d 'Output format [default: table on a terminal, ndjson otherwise]' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line (the default when piped)'
csv\t'Comma-separated values with a header'"
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from open" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from open" -l timeout -d 'Deadline for each request, from connecting to the last byte of the answer (100ms to 1d)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from open" -l retries -d 'Retries for 429, 5xx, connection errors and broken answers (0 to 100)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from open" -l max-wait -d 'Longest single wait between retries; 429 resets are capped to it (0s to 1d)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from open" -l max-response -d 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from open" -l url -d 'Print the URL instead of opening a browser'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from open" -l org -d 'Organization-level data (sends Org-Access: true)'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from open" -s v -l verbose -d 'Trace requests on stderr (-vv adds headers); secrets are always redacted'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from open" -l no-cache -d 'Neither read nor write the token cache [env: LW_NOCACHE]'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from open" -l no-pager -d 'Print long tables straight to the terminal instead of through $PAGER [env: LWCTL_PAGER, PAGER; `cat` turns paging off too]'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from open" -l no-input -d 'Never prompt; fail and name the flag instead [env: LW_NONINTERACTIVE]'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from open" -l json -d 'The official CLI\'s spelling of -o json [env: LW_JSON]'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from open" -l nocolor -d 'The official CLI\'s spelling of --color never [env: LW_NOCOLOR]'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from open" -l allow-insecure-config -d 'Read a secret from a file other users can read (refused by default, like ssh keys)'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from open" -l csv-raw -d 'Write CSV cells exactly, even ones a spreadsheet would run as a formula (by default a cell starting with = + - @ gets a leading \')'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from open" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lwctl -n "__fish_lwctl_using_subcommand alerts; and __fish_seen_subcommand_from open" -s V -l version -d 'Print version'
complete -c lwctl -n "__fish_lwctl_using_subcommand normalize" -l severity-ladder -d '4 folds critical into high (the connector\'s ladder); 5 keeps critical' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand normalize" -l schema -d 'The event shape: aisoc (the connector\'s), ocsf (OCSF 1.3 Detection Finding) or ecs' -r -f -a "aisoc\t'The AiSOC connector\'s event (the default)'
ocsf\t'OCSF 1.3 Detection Finding (class 2004)'
ecs\t'Elastic Common Schema'"
complete -c lwctl -n "__fish_lwctl_using_subcommand normalize" -s j -l threads -d 'Threads that map NDJSON input [default: the CPUs lwctl may use]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand normalize" -s p -l profile -d 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand normalize" -s a -l account -d 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand normalize" -l subaccount -d 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand normalize" -s k -l api-key -d 'API key id [env: LW_API_KEY]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand normalize" -l api-secret-file -d 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]' -r -F
complete -c lwctl -n "__fish_lwctl_using_subcommand normalize" -s o -l output -d 'Output format [default: table on a terminal, ndjson otherwise]' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line (the default when piped)'
csv\t'Comma-separated values with a header'"
complete -c lwctl -n "__fish_lwctl_using_subcommand normalize" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lwctl -n "__fish_lwctl_using_subcommand normalize" -l timeout -d 'Deadline for each request, from connecting to the last byte of the answer (100ms to 1d)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand normalize" -l retries -d 'Retries for 429, 5xx, connection errors and broken answers (0 to 100)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand normalize" -l max-wait -d 'Longest single wait between retries; 429 resets are capped to it (0s to 1d)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand normalize" -l max-response -d 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand normalize" -l skip-invalid -d 'Skip records that are not alerts, count them and report where, instead of exiting 8'
complete -c lwctl -n "__fish_lwctl_using_subcommand normalize" -l org -d 'Organization-level data (sends Org-Access: true)'
complete -c lwctl -n "__fish_lwctl_using_subcommand normalize" -s v -l verbose -d 'Trace requests on stderr (-vv adds headers); secrets are always redacted'
complete -c lwctl -n "__fish_lwctl_using_subcommand normalize" -l no-cache -d 'Neither read nor write the token cache [env: LW_NOCACHE]'
complete -c lwctl -n "__fish_lwctl_using_subcommand normalize" -l no-pager -d 'Print long tables straight to the terminal instead of through $PAGER [env: LWCTL_PAGER, PAGER; `cat` turns paging off too]'
complete -c lwctl -n "__fish_lwctl_using_subcommand normalize" -l no-input -d 'Never prompt; fail and name the flag instead [env: LW_NONINTERACTIVE]'
complete -c lwctl -n "__fish_lwctl_using_subcommand normalize" -l json -d 'The official CLI\'s spelling of -o json [env: LW_JSON]'
complete -c lwctl -n "__fish_lwctl_using_subcommand normalize" -l nocolor -d 'The official CLI\'s spelling of --color never [env: LW_NOCOLOR]'
complete -c lwctl -n "__fish_lwctl_using_subcommand normalize" -l allow-insecure-config -d 'Read a secret from a file other users can read (refused by default, like ssh keys)'
complete -c lwctl -n "__fish_lwctl_using_subcommand normalize" -l csv-raw -d 'Write CSV cells exactly, even ones a spreadsheet would run as a formula (by default a cell starting with = + - @ gets a leading \')'
complete -c lwctl -n "__fish_lwctl_using_subcommand normalize" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lwctl -n "__fish_lwctl_using_subcommand normalize" -s V -l version -d 'Print version'
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and not __fish_seen_subcommand_from list show" -l json-file -d 'The API key file downloaded from the Lacework console' -r -F
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and not __fish_seen_subcommand_from list show" -l txt-file -d 'The credentials file the FortiCloud portal issues (apiId: and password: lines)' -r -F
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and not __fish_seen_subcommand_from list show" -s p -l profile -d 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and not __fish_seen_subcommand_from list show" -s a -l account -d 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and not __fish_seen_subcommand_from list show" -l subaccount -d 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and not __fish_seen_subcommand_from list show" -s k -l api-key -d 'API key id [env: LW_API_KEY]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and not __fish_seen_subcommand_from list show" -l api-secret-file -d 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]' -r -F
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and not __fish_seen_subcommand_from list show" -s o -l output -d 'Output format [default: table on a terminal, ndjson otherwise]' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line (the default when piped)'
csv\t'Comma-separated values with a header'"
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and not __fish_seen_subcommand_from list show" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and not __fish_seen_subcommand_from list show" -l timeout -d 'Deadline for each request, from connecting to the last byte of the answer (100ms to 1d)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and not __fish_seen_subcommand_from list show" -l retries -d 'Retries for 429, 5xx, connection errors and broken answers (0 to 100)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and not __fish_seen_subcommand_from list show" -l max-wait -d 'Longest single wait between retries; 429 resets are capped to it (0s to 1d)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and not __fish_seen_subcommand_from list show" -l max-response -d 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and not __fish_seen_subcommand_from list show" -s y -l yes -d 'Replace an existing profile without asking'
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and not __fish_seen_subcommand_from list show" -l no-verify -d 'Do not check the new profile\'s credentials against Lacework'
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and not __fish_seen_subcommand_from list show" -l org -d 'Organization-level data (sends Org-Access: true)'
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and not __fish_seen_subcommand_from list show" -s v -l verbose -d 'Trace requests on stderr (-vv adds headers); secrets are always redacted'
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and not __fish_seen_subcommand_from list show" -l no-cache -d 'Neither read nor write the token cache [env: LW_NOCACHE]'
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and not __fish_seen_subcommand_from list show" -l no-pager -d 'Print long tables straight to the terminal instead of through $PAGER [env: LWCTL_PAGER, PAGER; `cat` turns paging off too]'
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and not __fish_seen_subcommand_from list show" -l no-input -d 'Never prompt; fail and name the flag instead [env: LW_NONINTERACTIVE]'
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and not __fish_seen_subcommand_from list show" -l json -d 'The official CLI\'s spelling of -o json [env: LW_JSON]'
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and not __fish_seen_subcommand_from list show" -l nocolor -d 'The official CLI\'s spelling of --color never [env: LW_NOCOLOR]'
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and not __fish_seen_subcommand_from list show" -l allow-insecure-config -d 'Read a secret from a file other users can read (refused by default, like ssh keys)'
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and not __fish_seen_subcommand_from list show" -l csv-raw -d 'Write CSV cells exactly, even ones a spreadsheet would run as a formula (by default a cell starting with = + - @ gets a leading \')'
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and not __fish_seen_subcommand_from list show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and not __fish_seen_subcommand_from list show" -s V -l version -d 'Print version'
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and not __fish_seen_subcommand_from list show" -f -a "list" -d 'The profiles in ~/.lacework.toml, key ids and secrets masked; * marks the one in use'
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and not __fish_seen_subcommand_from list show" -f -a "show" -d 'One value of the profile in use (never the secret)'
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and __fish_seen_subcommand_from list" -s p -l profile -d 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and __fish_seen_subcommand_from list" -s a -l account -d 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and __fish_seen_subcommand_from list" -l subaccount -d 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and __fish_seen_subcommand_from list" -s k -l api-key -d 'API key id [env: LW_API_KEY]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and __fish_seen_subcommand_from list" -l api-secret-file -d 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]' -r -F
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format [default: table on a terminal, ndjson otherwise]' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line (the default when piped)'
csv\t'Comma-separated values with a header'"
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and __fish_seen_subcommand_from list" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and __fish_seen_subcommand_from list" -l timeout -d 'Deadline for each request, from connecting to the last byte of the answer (100ms to 1d)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and __fish_seen_subcommand_from list" -l retries -d 'Retries for 429, 5xx, connection errors and broken answers (0 to 100)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and __fish_seen_subcommand_from list" -l max-wait -d 'Longest single wait between retries; 429 resets are capped to it (0s to 1d)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and __fish_seen_subcommand_from list" -l max-response -d 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and __fish_seen_subcommand_from list" -l names -d 'The profile names alone, one a line (for shell completion)'
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and __fish_seen_subcommand_from list" -l org -d 'Organization-level data (sends Org-Access: true)'
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Trace requests on stderr (-vv adds headers); secrets are always redacted'
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and __fish_seen_subcommand_from list" -l no-cache -d 'Neither read nor write the token cache [env: LW_NOCACHE]'
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and __fish_seen_subcommand_from list" -l no-pager -d 'Print long tables straight to the terminal instead of through $PAGER [env: LWCTL_PAGER, PAGER; `cat` turns paging off too]'
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; fail and name the flag instead [env: LW_NONINTERACTIVE]'
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and __fish_seen_subcommand_from list" -l json -d 'The official CLI\'s spelling of -o json [env: LW_JSON]'
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and __fish_seen_subcommand_from list" -l nocolor -d 'The official CLI\'s spelling of --color never [env: LW_NOCOLOR]'
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and __fish_seen_subcommand_from list" -l allow-insecure-config -d 'Read a secret from a file other users can read (refused by default, like ssh keys)'
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and __fish_seen_subcommand_from list" -l csv-raw -d 'Write CSV cells exactly, even ones a spreadsheet would run as a formula (by default a cell starting with = + - @ gets a leading \')'
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and __fish_seen_subcommand_from show" -s p -l profile -d 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and __fish_seen_subcommand_from show" -s a -l account -d 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and __fish_seen_subcommand_from show" -l subaccount -d 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and __fish_seen_subcommand_from show" -s k -l api-key -d 'API key id [env: LW_API_KEY]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and __fish_seen_subcommand_from show" -l api-secret-file -d 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]' -r -F
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format [default: table on a terminal, ndjson otherwise]' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line (the default when piped)'
csv\t'Comma-separated values with a header'"
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and __fish_seen_subcommand_from show" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and __fish_seen_subcommand_from show" -l timeout -d 'Deadline for each request, from connecting to the last byte of the answer (100ms to 1d)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and __fish_seen_subcommand_from show" -l retries -d 'Retries for 429, 5xx, connection errors and broken answers (0 to 100)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and __fish_seen_subcommand_from show" -l max-wait -d 'Longest single wait between retries; 429 resets are capped to it (0s to 1d)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and __fish_seen_subcommand_from show" -l max-response -d 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and __fish_seen_subcommand_from show" -l org -d 'Organization-level data (sends Org-Access: true)'
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Trace requests on stderr (-vv adds headers); secrets are always redacted'
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and __fish_seen_subcommand_from show" -l no-cache -d 'Neither read nor write the token cache [env: LW_NOCACHE]'
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and __fish_seen_subcommand_from show" -l no-pager -d 'Print long tables straight to the terminal instead of through $PAGER [env: LWCTL_PAGER, PAGER; `cat` turns paging off too]'
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt; fail and name the flag instead [env: LW_NONINTERACTIVE]'
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and __fish_seen_subcommand_from show" -l json -d 'The official CLI\'s spelling of -o json [env: LW_JSON]'
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and __fish_seen_subcommand_from show" -l nocolor -d 'The official CLI\'s spelling of --color never [env: LW_NOCOLOR]'
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and __fish_seen_subcommand_from show" -l allow-insecure-config -d 'Read a secret from a file other users can read (refused by default, like ssh keys)'
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and __fish_seen_subcommand_from show" -l csv-raw -d 'Write CSV cells exactly, even ones a spreadsheet would run as a formula (by default a cell starting with = + - @ gets a leading \')'
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lwctl -n "__fish_lwctl_using_subcommand configure; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and not __fish_seen_subcommand_from accounts mapping plan" -s p -l profile -d 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and not __fish_seen_subcommand_from accounts mapping plan" -s a -l account -d 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and not __fish_seen_subcommand_from accounts mapping plan" -l subaccount -d 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and not __fish_seen_subcommand_from accounts mapping plan" -s k -l api-key -d 'API key id [env: LW_API_KEY]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and not __fish_seen_subcommand_from accounts mapping plan" -l api-secret-file -d 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]' -r -F
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and not __fish_seen_subcommand_from accounts mapping plan" -s o -l output -d 'Output format [default: table on a terminal, ndjson otherwise]' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line (the default when piped)'
csv\t'Comma-separated values with a header'"
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and not __fish_seen_subcommand_from accounts mapping plan" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and not __fish_seen_subcommand_from accounts mapping plan" -l timeout -d 'Deadline for each request, from connecting to the last byte of the answer (100ms to 1d)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and not __fish_seen_subcommand_from accounts mapping plan" -l retries -d 'Retries for 429, 5xx, connection errors and broken answers (0 to 100)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and not __fish_seen_subcommand_from accounts mapping plan" -l max-wait -d 'Longest single wait between retries; 429 resets are capped to it (0s to 1d)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and not __fish_seen_subcommand_from accounts mapping plan" -l max-response -d 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and not __fish_seen_subcommand_from accounts mapping plan" -l org -d 'Organization-level data (sends Org-Access: true)'
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and not __fish_seen_subcommand_from accounts mapping plan" -s v -l verbose -d 'Trace requests on stderr (-vv adds headers); secrets are always redacted'
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and not __fish_seen_subcommand_from accounts mapping plan" -l no-cache -d 'Neither read nor write the token cache [env: LW_NOCACHE]'
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and not __fish_seen_subcommand_from accounts mapping plan" -l no-pager -d 'Print long tables straight to the terminal instead of through $PAGER [env: LWCTL_PAGER, PAGER; `cat` turns paging off too]'
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and not __fish_seen_subcommand_from accounts mapping plan" -l no-input -d 'Never prompt; fail and name the flag instead [env: LW_NONINTERACTIVE]'
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and not __fish_seen_subcommand_from accounts mapping plan" -l json -d 'The official CLI\'s spelling of -o json [env: LW_JSON]'
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and not __fish_seen_subcommand_from accounts mapping plan" -l nocolor -d 'The official CLI\'s spelling of --color never [env: LW_NOCOLOR]'
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and not __fish_seen_subcommand_from accounts mapping plan" -l allow-insecure-config -d 'Read a secret from a file other users can read (refused by default, like ssh keys)'
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and not __fish_seen_subcommand_from accounts mapping plan" -l csv-raw -d 'Write CSV cells exactly, even ones a spreadsheet would run as a formula (by default a cell starting with = + - @ gets a leading \')'
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and not __fish_seen_subcommand_from accounts mapping plan" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and not __fish_seen_subcommand_from accounts mapping plan" -s V -l version -d 'Print version'
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and not __fish_seen_subcommand_from accounts mapping plan" -f -a "accounts" -d 'The accounts and subaccounts this key\'s user can reach (UserProfile)'
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and not __fish_seen_subcommand_from accounts mapping plan" -f -a "mapping" -d 'The CloudTrail-for-Organizations account mapping file'
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and not __fish_seen_subcommand_from accounts mapping plan" -f -a "plan" -d 'How many accounts one key\'s rate budget can poll, and at what cadence'
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from accounts" -s p -l profile -d 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from accounts" -s a -l account -d 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from accounts" -l subaccount -d 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from accounts" -s k -l api-key -d 'API key id [env: LW_API_KEY]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from accounts" -l api-secret-file -d 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]' -r -F
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from accounts" -s o -l output -d 'Output format [default: table on a terminal, ndjson otherwise]' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line (the default when piped)'
csv\t'Comma-separated values with a header'"
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from accounts" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from accounts" -l timeout -d 'Deadline for each request, from connecting to the last byte of the answer (100ms to 1d)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from accounts" -l retries -d 'Retries for 429, 5xx, connection errors and broken answers (0 to 100)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from accounts" -l max-wait -d 'Longest single wait between retries; 429 resets are capped to it (0s to 1d)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from accounts" -l max-response -d 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from accounts" -l org -d 'Organization-level data (sends Org-Access: true)'
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from accounts" -s v -l verbose -d 'Trace requests on stderr (-vv adds headers); secrets are always redacted'
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from accounts" -l no-cache -d 'Neither read nor write the token cache [env: LW_NOCACHE]'
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from accounts" -l no-pager -d 'Print long tables straight to the terminal instead of through $PAGER [env: LWCTL_PAGER, PAGER; `cat` turns paging off too]'
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from accounts" -l no-input -d 'Never prompt; fail and name the flag instead [env: LW_NONINTERACTIVE]'
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from accounts" -l json -d 'The official CLI\'s spelling of -o json [env: LW_JSON]'
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from accounts" -l nocolor -d 'The official CLI\'s spelling of --color never [env: LW_NOCOLOR]'
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from accounts" -l allow-insecure-config -d 'Read a secret from a file other users can read (refused by default, like ssh keys)'
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from accounts" -l csv-raw -d 'Write CSV cells exactly, even ones a spreadsheet would run as a formula (by default a cell starting with = + - @ gets a leading \')'
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from accounts" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from accounts" -s V -l version -d 'Print version'
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from mapping" -s p -l profile -d 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from mapping" -s a -l account -d 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from mapping" -l subaccount -d 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from mapping" -s k -l api-key -d 'API key id [env: LW_API_KEY]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from mapping" -l api-secret-file -d 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]' -r -F
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from mapping" -s o -l output -d 'Output format [default: table on a terminal, ndjson otherwise]' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line (the default when piped)'
csv\t'Comma-separated values with a header'"
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from mapping" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from mapping" -l timeout -d 'Deadline for each request, from connecting to the last byte of the answer (100ms to 1d)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from mapping" -l retries -d 'Retries for 429, 5xx, connection errors and broken answers (0 to 100)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from mapping" -l max-wait -d 'Longest single wait between retries; 429 resets are capped to it (0s to 1d)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from mapping" -l max-response -d 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from mapping" -l org -d 'Organization-level data (sends Org-Access: true)'
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from mapping" -s v -l verbose -d 'Trace requests on stderr (-vv adds headers); secrets are always redacted'
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from mapping" -l no-cache -d 'Neither read nor write the token cache [env: LW_NOCACHE]'
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from mapping" -l no-pager -d 'Print long tables straight to the terminal instead of through $PAGER [env: LWCTL_PAGER, PAGER; `cat` turns paging off too]'
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from mapping" -l no-input -d 'Never prompt; fail and name the flag instead [env: LW_NONINTERACTIVE]'
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from mapping" -l json -d 'The official CLI\'s spelling of -o json [env: LW_JSON]'
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from mapping" -l nocolor -d 'The official CLI\'s spelling of --color never [env: LW_NOCOLOR]'
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from mapping" -l allow-insecure-config -d 'Read a secret from a file other users can read (refused by default, like ssh keys)'
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from mapping" -l csv-raw -d 'Write CSV cells exactly, even ones a spreadsheet would run as a formula (by default a cell starting with = + - @ gets a leading \')'
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from mapping" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from mapping" -s V -l version -d 'Print version'
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from mapping" -f -a "check" -d 'Validate a mapping file: required keys, AWS account ids, duplicates'
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from mapping" -f -a "route" -d 'Which Lacework account receives an AWS account\'s alerts'
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from plan" -l every -d 'The cadence to check (100ms to 7d)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from plan" -l state -d 'A poll\'s state file, for the pages each account\'s poll took (and the searches each --track-status pass takes)' -r -F
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from plan" -l track-status -d 'Count the polls\' --track-status passes too (WINDOW as for alerts poll; the state, when given, says how many searches a pass takes, else one an account)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from plan" -l track-every -d 'The passes\' cadence, as for alerts poll (0s: every poll)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from plan" -l subaccounts -d 'These accounts (comma-separated, any case), one token and one rate budget for all' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from plan" -s p -l profile -d 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from plan" -s a -l account -d 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from plan" -l subaccount -d 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from plan" -s k -l api-key -d 'API key id [env: LW_API_KEY]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from plan" -l api-secret-file -d 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]' -r -F
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from plan" -s o -l output -d 'Output format [default: table on a terminal, ndjson otherwise]' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line (the default when piped)'
csv\t'Comma-separated values with a header'"
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from plan" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from plan" -l timeout -d 'Deadline for each request, from connecting to the last byte of the answer (100ms to 1d)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from plan" -l retries -d 'Retries for 429, 5xx, connection errors and broken answers (0 to 100)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from plan" -l max-wait -d 'Longest single wait between retries; 429 resets are capped to it (0s to 1d)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from plan" -l max-response -d 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from plan" -l all-subaccounts -d 'Every account UserProfile lists as enabled for this key\'s user, the primary included'
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from plan" -l org -d 'Organization-level data (sends Org-Access: true)'
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from plan" -s v -l verbose -d 'Trace requests on stderr (-vv adds headers); secrets are always redacted'
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from plan" -l no-cache -d 'Neither read nor write the token cache [env: LW_NOCACHE]'
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from plan" -l no-pager -d 'Print long tables straight to the terminal instead of through $PAGER [env: LWCTL_PAGER, PAGER; `cat` turns paging off too]'
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from plan" -l no-input -d 'Never prompt; fail and name the flag instead [env: LW_NONINTERACTIVE]'
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from plan" -l json -d 'The official CLI\'s spelling of -o json [env: LW_JSON]'
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from plan" -l nocolor -d 'The official CLI\'s spelling of --color never [env: LW_NOCOLOR]'
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from plan" -l allow-insecure-config -d 'Read a secret from a file other users can read (refused by default, like ssh keys)'
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from plan" -l csv-raw -d 'Write CSV cells exactly, even ones a spreadsheet would run as a formula (by default a cell starting with = + - @ gets a leading \')'
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from plan" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lwctl -n "__fish_lwctl_using_subcommand org; and __fish_seen_subcommand_from plan" -s V -l version -d 'Print version'
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and not __fish_seen_subcommand_from completions man" -s p -l profile -d 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and not __fish_seen_subcommand_from completions man" -s a -l account -d 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and not __fish_seen_subcommand_from completions man" -l subaccount -d 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and not __fish_seen_subcommand_from completions man" -s k -l api-key -d 'API key id [env: LW_API_KEY]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and not __fish_seen_subcommand_from completions man" -l api-secret-file -d 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]' -r -F
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and not __fish_seen_subcommand_from completions man" -s o -l output -d 'Output format [default: table on a terminal, ndjson otherwise]' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line (the default when piped)'
csv\t'Comma-separated values with a header'"
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and not __fish_seen_subcommand_from completions man" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and not __fish_seen_subcommand_from completions man" -l timeout -d 'Deadline for each request, from connecting to the last byte of the answer (100ms to 1d)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and not __fish_seen_subcommand_from completions man" -l retries -d 'Retries for 429, 5xx, connection errors and broken answers (0 to 100)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and not __fish_seen_subcommand_from completions man" -l max-wait -d 'Longest single wait between retries; 429 resets are capped to it (0s to 1d)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and not __fish_seen_subcommand_from completions man" -l max-response -d 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and not __fish_seen_subcommand_from completions man" -l org -d 'Organization-level data (sends Org-Access: true)'
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and not __fish_seen_subcommand_from completions man" -s v -l verbose -d 'Trace requests on stderr (-vv adds headers); secrets are always redacted'
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and not __fish_seen_subcommand_from completions man" -l no-cache -d 'Neither read nor write the token cache [env: LW_NOCACHE]'
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and not __fish_seen_subcommand_from completions man" -l no-pager -d 'Print long tables straight to the terminal instead of through $PAGER [env: LWCTL_PAGER, PAGER; `cat` turns paging off too]'
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and not __fish_seen_subcommand_from completions man" -l no-input -d 'Never prompt; fail and name the flag instead [env: LW_NONINTERACTIVE]'
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and not __fish_seen_subcommand_from completions man" -l json -d 'The official CLI\'s spelling of -o json [env: LW_JSON]'
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and not __fish_seen_subcommand_from completions man" -l nocolor -d 'The official CLI\'s spelling of --color never [env: LW_NOCOLOR]'
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and not __fish_seen_subcommand_from completions man" -l allow-insecure-config -d 'Read a secret from a file other users can read (refused by default, like ssh keys)'
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and not __fish_seen_subcommand_from completions man" -l csv-raw -d 'Write CSV cells exactly, even ones a spreadsheet would run as a formula (by default a cell starting with = + - @ gets a leading \')'
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and not __fish_seen_subcommand_from completions man" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and not __fish_seen_subcommand_from completions man" -s V -l version -d 'Print version'
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and not __fish_seen_subcommand_from completions man" -f -a "completions" -d 'Write completion scripts for every supported shell'
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and not __fish_seen_subcommand_from completions man" -f -a "man" -d 'Write man pages'
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and __fish_seen_subcommand_from completions" -l dir -r -F
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and __fish_seen_subcommand_from completions" -s p -l profile -d 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and __fish_seen_subcommand_from completions" -s a -l account -d 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and __fish_seen_subcommand_from completions" -l subaccount -d 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and __fish_seen_subcommand_from completions" -s k -l api-key -d 'API key id [env: LW_API_KEY]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and __fish_seen_subcommand_from completions" -l api-secret-file -d 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]' -r -F
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and __fish_seen_subcommand_from completions" -s o -l output -d 'Output format [default: table on a terminal, ndjson otherwise]' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line (the default when piped)'
csv\t'Comma-separated values with a header'"
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and __fish_seen_subcommand_from completions" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and __fish_seen_subcommand_from completions" -l timeout -d 'Deadline for each request, from connecting to the last byte of the answer (100ms to 1d)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and __fish_seen_subcommand_from completions" -l retries -d 'Retries for 429, 5xx, connection errors and broken answers (0 to 100)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and __fish_seen_subcommand_from completions" -l max-wait -d 'Longest single wait between retries; 429 resets are capped to it (0s to 1d)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and __fish_seen_subcommand_from completions" -l max-response -d 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and __fish_seen_subcommand_from completions" -l org -d 'Organization-level data (sends Org-Access: true)'
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and __fish_seen_subcommand_from completions" -s v -l verbose -d 'Trace requests on stderr (-vv adds headers); secrets are always redacted'
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and __fish_seen_subcommand_from completions" -l no-cache -d 'Neither read nor write the token cache [env: LW_NOCACHE]'
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and __fish_seen_subcommand_from completions" -l no-pager -d 'Print long tables straight to the terminal instead of through $PAGER [env: LWCTL_PAGER, PAGER; `cat` turns paging off too]'
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and __fish_seen_subcommand_from completions" -l no-input -d 'Never prompt; fail and name the flag instead [env: LW_NONINTERACTIVE]'
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and __fish_seen_subcommand_from completions" -l json -d 'The official CLI\'s spelling of -o json [env: LW_JSON]'
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and __fish_seen_subcommand_from completions" -l nocolor -d 'The official CLI\'s spelling of --color never [env: LW_NOCOLOR]'
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and __fish_seen_subcommand_from completions" -l allow-insecure-config -d 'Read a secret from a file other users can read (refused by default, like ssh keys)'
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and __fish_seen_subcommand_from completions" -l csv-raw -d 'Write CSV cells exactly, even ones a spreadsheet would run as a formula (by default a cell starting with = + - @ gets a leading \')'
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and __fish_seen_subcommand_from completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and __fish_seen_subcommand_from completions" -s V -l version -d 'Print version'
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and __fish_seen_subcommand_from man" -l dir -r -F
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and __fish_seen_subcommand_from man" -s p -l profile -d 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and __fish_seen_subcommand_from man" -s a -l account -d 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and __fish_seen_subcommand_from man" -l subaccount -d 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and __fish_seen_subcommand_from man" -s k -l api-key -d 'API key id [env: LW_API_KEY]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and __fish_seen_subcommand_from man" -l api-secret-file -d 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]' -r -F
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and __fish_seen_subcommand_from man" -s o -l output -d 'Output format [default: table on a terminal, ndjson otherwise]' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line (the default when piped)'
csv\t'Comma-separated values with a header'"
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and __fish_seen_subcommand_from man" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and __fish_seen_subcommand_from man" -l timeout -d 'Deadline for each request, from connecting to the last byte of the answer (100ms to 1d)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and __fish_seen_subcommand_from man" -l retries -d 'Retries for 429, 5xx, connection errors and broken answers (0 to 100)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and __fish_seen_subcommand_from man" -l max-wait -d 'Longest single wait between retries; 429 resets are capped to it (0s to 1d)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and __fish_seen_subcommand_from man" -l max-response -d 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and __fish_seen_subcommand_from man" -l org -d 'Organization-level data (sends Org-Access: true)'
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and __fish_seen_subcommand_from man" -s v -l verbose -d 'Trace requests on stderr (-vv adds headers); secrets are always redacted'
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and __fish_seen_subcommand_from man" -l no-cache -d 'Neither read nor write the token cache [env: LW_NOCACHE]'
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and __fish_seen_subcommand_from man" -l no-pager -d 'Print long tables straight to the terminal instead of through $PAGER [env: LWCTL_PAGER, PAGER; `cat` turns paging off too]'
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and __fish_seen_subcommand_from man" -l no-input -d 'Never prompt; fail and name the flag instead [env: LW_NONINTERACTIVE]'
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and __fish_seen_subcommand_from man" -l json -d 'The official CLI\'s spelling of -o json [env: LW_JSON]'
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and __fish_seen_subcommand_from man" -l nocolor -d 'The official CLI\'s spelling of --color never [env: LW_NOCOLOR]'
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and __fish_seen_subcommand_from man" -l allow-insecure-config -d 'Read a secret from a file other users can read (refused by default, like ssh keys)'
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and __fish_seen_subcommand_from man" -l csv-raw -d 'Write CSV cells exactly, even ones a spreadsheet would run as a formula (by default a cell starting with = + - @ gets a leading \')'
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and __fish_seen_subcommand_from man" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lwctl -n "__fish_lwctl_using_subcommand generate; and __fish_seen_subcommand_from man" -s V -l version -d 'Print version'
complete -c lwctl -n "__fish_lwctl_using_subcommand api" -s d -l data -d 'The JSON body: inline, @FILE, or @- for stdin' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand api" -s p -l profile -d 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand api" -s a -l account -d 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand api" -l subaccount -d 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand api" -s k -l api-key -d 'API key id [env: LW_API_KEY]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand api" -l api-secret-file -d 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]' -r -F
complete -c lwctl -n "__fish_lwctl_using_subcommand api" -s o -l output -d 'Output format [default: table on a terminal, ndjson otherwise]' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line (the default when piped)'
csv\t'Comma-separated values with a header'"
complete -c lwctl -n "__fish_lwctl_using_subcommand api" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lwctl -n "__fish_lwctl_using_subcommand api" -l timeout -d 'Deadline for each request, from connecting to the last byte of the answer (100ms to 1d)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand api" -l retries -d 'Retries for 429, 5xx, connection errors and broken answers (0 to 100)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand api" -l max-wait -d 'Longest single wait between retries; 429 resets are capped to it (0s to 1d)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand api" -l max-response -d 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand api" -l paginate -d 'Follow paging.urls.nextPage and print every page\'s data as one stream (GET only)'
complete -c lwctl -n "__fish_lwctl_using_subcommand api" -l org -d 'Organization-level data (sends Org-Access: true)'
complete -c lwctl -n "__fish_lwctl_using_subcommand api" -s v -l verbose -d 'Trace requests on stderr (-vv adds headers); secrets are always redacted'
complete -c lwctl -n "__fish_lwctl_using_subcommand api" -l no-cache -d 'Neither read nor write the token cache [env: LW_NOCACHE]'
complete -c lwctl -n "__fish_lwctl_using_subcommand api" -l no-pager -d 'Print long tables straight to the terminal instead of through $PAGER [env: LWCTL_PAGER, PAGER; `cat` turns paging off too]'
complete -c lwctl -n "__fish_lwctl_using_subcommand api" -l no-input -d 'Never prompt; fail and name the flag instead [env: LW_NONINTERACTIVE]'
complete -c lwctl -n "__fish_lwctl_using_subcommand api" -l json -d 'The official CLI\'s spelling of -o json [env: LW_JSON]'
complete -c lwctl -n "__fish_lwctl_using_subcommand api" -l nocolor -d 'The official CLI\'s spelling of --color never [env: LW_NOCOLOR]'
complete -c lwctl -n "__fish_lwctl_using_subcommand api" -l allow-insecure-config -d 'Read a secret from a file other users can read (refused by default, like ssh keys)'
complete -c lwctl -n "__fish_lwctl_using_subcommand api" -l csv-raw -d 'Write CSV cells exactly, even ones a spreadsheet would run as a formula (by default a cell starting with = + - @ gets a leading \')'
complete -c lwctl -n "__fish_lwctl_using_subcommand api" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lwctl -n "__fish_lwctl_using_subcommand api" -s V -l version -d 'Print version'
complete -c lwctl -n "__fish_lwctl_using_subcommand version" -s p -l profile -d 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand version" -s a -l account -d 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand version" -l subaccount -d 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand version" -s k -l api-key -d 'API key id [env: LW_API_KEY]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand version" -l api-secret-file -d 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]' -r -F
complete -c lwctl -n "__fish_lwctl_using_subcommand version" -s o -l output -d 'Output format [default: table on a terminal, ndjson otherwise]' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line (the default when piped)'
csv\t'Comma-separated values with a header'"
complete -c lwctl -n "__fish_lwctl_using_subcommand version" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lwctl -n "__fish_lwctl_using_subcommand version" -l timeout -d 'Deadline for each request, from connecting to the last byte of the answer (100ms to 1d)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand version" -l retries -d 'Retries for 429, 5xx, connection errors and broken answers (0 to 100)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand version" -l max-wait -d 'Longest single wait between retries; 429 resets are capped to it (0s to 1d)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand version" -l max-response -d 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand version" -l org -d 'Organization-level data (sends Org-Access: true)'
complete -c lwctl -n "__fish_lwctl_using_subcommand version" -s v -l verbose -d 'Trace requests on stderr (-vv adds headers); secrets are always redacted'
complete -c lwctl -n "__fish_lwctl_using_subcommand version" -l no-cache -d 'Neither read nor write the token cache [env: LW_NOCACHE]'
complete -c lwctl -n "__fish_lwctl_using_subcommand version" -l no-pager -d 'Print long tables straight to the terminal instead of through $PAGER [env: LWCTL_PAGER, PAGER; `cat` turns paging off too]'
complete -c lwctl -n "__fish_lwctl_using_subcommand version" -l no-input -d 'Never prompt; fail and name the flag instead [env: LW_NONINTERACTIVE]'
complete -c lwctl -n "__fish_lwctl_using_subcommand version" -l json -d 'The official CLI\'s spelling of -o json [env: LW_JSON]'
complete -c lwctl -n "__fish_lwctl_using_subcommand version" -l nocolor -d 'The official CLI\'s spelling of --color never [env: LW_NOCOLOR]'
complete -c lwctl -n "__fish_lwctl_using_subcommand version" -l allow-insecure-config -d 'Read a secret from a file other users can read (refused by default, like ssh keys)'
complete -c lwctl -n "__fish_lwctl_using_subcommand version" -l csv-raw -d 'Write CSV cells exactly, even ones a spreadsheet would run as a formula (by default a cell starting with = + - @ gets a leading \')'
complete -c lwctl -n "__fish_lwctl_using_subcommand version" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lwctl -n "__fish_lwctl_using_subcommand version" -s V -l version -d 'Print version'
complete -c lwctl -n "__fish_lwctl_using_subcommand completion" -s p -l profile -d 'Profile in ~/.lacework.toml [env: LW_PROFILE] [default: default]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand completion" -s a -l account -d 'Account: yourcorp, yourcorp.lacework.net or yourcorp.fra.lacework.net [env: LW_ACCOUNT]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand completion" -l subaccount -d 'Subaccount, sent as Account-Name on every request [env: LW_SUBACCOUNT]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand completion" -s k -l api-key -d 'API key id [env: LW_API_KEY]' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand completion" -l api-secret-file -d 'File holding the API secret (must be 0600) [env: LW_API_SECRET holds the secret itself]' -r -F
complete -c lwctl -n "__fish_lwctl_using_subcommand completion" -s o -l output -d 'Output format [default: table on a terminal, ndjson otherwise]' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line (the default when piped)'
csv\t'Comma-separated values with a header'"
complete -c lwctl -n "__fish_lwctl_using_subcommand completion" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c lwctl -n "__fish_lwctl_using_subcommand completion" -l timeout -d 'Deadline for each request, from connecting to the last byte of the answer (100ms to 1d)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand completion" -l retries -d 'Retries for 429, 5xx, connection errors and broken answers (0 to 100)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand completion" -l max-wait -d 'Longest single wait between retries; 429 resets are capped to it (0s to 1d)' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand completion" -l max-response -d 'Largest answer read from the server, decompressed (64MiB, 500KB, 1GiB...); past it the run stops with exit 7, nothing of that answer taken' -r
complete -c lwctl -n "__fish_lwctl_using_subcommand completion" -l org -d 'Organization-level data (sends Org-Access: true)'
complete -c lwctl -n "__fish_lwctl_using_subcommand completion" -s v -l verbose -d 'Trace requests on stderr (-vv adds headers); secrets are always redacted'
complete -c lwctl -n "__fish_lwctl_using_subcommand completion" -l no-cache -d 'Neither read nor write the token cache [env: LW_NOCACHE]'
complete -c lwctl -n "__fish_lwctl_using_subcommand completion" -l no-pager -d 'Print long tables straight to the terminal instead of through $PAGER [env: LWCTL_PAGER, PAGER; `cat` turns paging off too]'
complete -c lwctl -n "__fish_lwctl_using_subcommand completion" -l no-input -d 'Never prompt; fail and name the flag instead [env: LW_NONINTERACTIVE]'
complete -c lwctl -n "__fish_lwctl_using_subcommand completion" -l json -d 'The official CLI\'s spelling of -o json [env: LW_JSON]'
complete -c lwctl -n "__fish_lwctl_using_subcommand completion" -l nocolor -d 'The official CLI\'s spelling of --color never [env: LW_NOCOLOR]'
complete -c lwctl -n "__fish_lwctl_using_subcommand completion" -l allow-insecure-config -d 'Read a secret from a file other users can read (refused by default, like ssh keys)'
complete -c lwctl -n "__fish_lwctl_using_subcommand completion" -l csv-raw -d 'Write CSV cells exactly, even ones a spreadsheet would run as a formula (by default a cell starting with = + - @ gets a leading \')'
complete -c lwctl -n "__fish_lwctl_using_subcommand completion" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c lwctl -n "__fish_lwctl_using_subcommand completion" -s V -l version -d 'Print version'

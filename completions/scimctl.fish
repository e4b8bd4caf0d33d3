# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_scimctl_global_optspecs
    string join \n url= token-file= token-stdin profile= config= provider= timeout= max-retries= max-scan= deadline= max-users= ca-cert= insecure-http o/output= jq= wide color= no-input v/verbose q/quiet h/help V/version
end

function __fish_scimctl_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_scimctl_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_scimctl_using_subcommand
    set -l cmd (__fish_scimctl_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c scimctl -n "__fish_scimctl_needs_command" -l url -d 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2' -r
complete -c scimctl -n "__fish_scimctl_needs_command" -l token-file -d 'Read the bearer token from FILE (first line; the file should be private to you)' -r -F
complete -c scimctl -n "__fish_scimctl_needs_command" -l profile -d 'Use the named profile from the configuration file' -r
complete -c scimctl -n "__fish_scimctl_needs_command" -l config -d 'Configuration file [default: the platform config dir\'s scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_needs_command" -l provider -d 'The service provider\'s rules to apply [default: detected from the URL]' -r -f -a "generic\t''
pulumi\t''
github-emu\t''
aws\t''
slack\t''
atlassian\t''
okta\t''
entra\t''"
complete -c scimctl -n "__fish_scimctl_needs_command" -l timeout -d 'Seconds to wait for each request [default: 30]' -r
complete -c scimctl -n "__fish_scimctl_needs_command" -l max-retries -d 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]' -r
complete -c scimctl -n "__fish_scimctl_needs_command" -l max-scan -d 'Read at most N users when no proven filter can answer a lookup; 0 reads them all [default: 10000]' -r
complete -c scimctl -n "__fish_scimctl_needs_command" -l deadline -d 'End the whole command within SECONDS: requests, retries, Retry-After waits and pages [default: no overall limit; each request still has --timeout]' -r
complete -c scimctl -n "__fish_scimctl_needs_command" -l max-users -d 'Read at most N users in one listing or scan [default: twice the server\'s totalResults plus 1000, so a server that never stops sending users is stopped]' -r
complete -c scimctl -n "__fish_scimctl_needs_command" -l ca-cert -d 'Trust this PEM certificate (a private CA) besides the platform\'s roots' -r -F
complete -c scimctl -n "__fish_scimctl_needs_command" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'Tables for people'
json\t'One JSON document with "version": 1'
ndjson\t'One JSON object per line, streamed'"
complete -c scimctl -n "__fish_scimctl_needs_command" -l jq -d 'Filter the JSON output through a jq expression, as gh does: strings print as they are, other values as compact JSON, one per line [implies -o json]' -r
complete -c scimctl -n "__fish_scimctl_needs_command" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c scimctl -n "__fish_scimctl_needs_command" -l token-stdin -d 'Read the bearer token from standard input'
complete -c scimctl -n "__fish_scimctl_needs_command" -l insecure-http -d 'Allow sending the token over plain http:// to a host that is not this machine'
complete -c scimctl -n "__fish_scimctl_needs_command" -l wide -d 'Show every table column whole, however wide the terminal'
complete -c scimctl -n "__fish_scimctl_needs_command" -l no-input -d 'Never prompt; fail instead where input would be needed'
complete -c scimctl -n "__fish_scimctl_needs_command" -s v -l verbose -d 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies'
complete -c scimctl -n "__fish_scimctl_needs_command" -s q -l quiet -d 'Only data and errors: no notes, hints or progress on stderr'
complete -c scimctl -n "__fish_scimctl_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c scimctl -n "__fish_scimctl_needs_command" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_needs_command" -f -a "users" -d 'Find, show and list users on the endpoint'
complete -c scimctl -n "__fish_scimctl_needs_command" -f -a "diagnose" -d 'Explain why provisioning a user got 409: who holds the value, how it collides, what to do'
complete -c scimctl -n "__fish_scimctl_needs_command" -f -a "triage" -d 'Diagnose every provisioning failure in an identity provider\'s export at once'
complete -c scimctl -n "__fish_scimctl_needs_command" -f -a "resolve" -d 'Walk through a 409 at the terminal: diagnose, choose a fix, see the plan, confirm, apply, verify'
complete -c scimctl -n "__fish_scimctl_needs_command" -f -a "rename-user" -d 'Rename the userName of the account that holds it, to free it for the incoming user'
complete -c scimctl -n "__fish_scimctl_needs_command" -f -a "suggest-username" -d 'Suggest userNames that the endpoint confirms are free'
complete -c scimctl -n "__fish_scimctl_needs_command" -f -a "release-email" -d 'Release an email from the account that holds it, keeping its other emails'
complete -c scimctl -n "__fish_scimctl_needs_command" -f -a "link" -d 'Bind an existing account to the incoming identity, so the identity provider updates it'
complete -c scimctl -n "__fish_scimctl_needs_command" -f -a "provision" -d 'Retry the create the identity provider attempted (one POST, never repeated)'
complete -c scimctl -n "__fish_scimctl_needs_command" -f -a "journal" -d 'The changes scimctl made, and how to undo them'
complete -c scimctl -n "__fish_scimctl_needs_command" -f -a "preflight" -d 'Predict which creates will 409 before the identity provider sends them, with the fix for each'
complete -c scimctl -n "__fish_scimctl_needs_command" -f -a "audit" -d 'Find accounts that collide with each other: case, NFKC, invisible and look-alike letters, shared emails, externalIds'
complete -c scimctl -n "__fish_scimctl_needs_command" -f -a "auth" -d 'Store a profile\'s token in the OS keyring (or a private file), and see where settings come from'
complete -c scimctl -n "__fish_scimctl_needs_command" -f -a "doctor" -d 'Check the endpoint: reachability, TLS, token, which filters work, page cap, ETags, provider'
complete -c scimctl -n "__fish_scimctl_needs_command" -f -a "sandbox" -d 'Run a local SCIM service provider that behaves like a real one, to try scimctl or rehearse a fix'
complete -c scimctl -n "__fish_scimctl_needs_command" -f -a "demo" -d 'A two-second tour: a sandbox with the support page\'s two conflicts, and scimctl at work on it'
complete -c scimctl -n "__fish_scimctl_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c scimctl -n "__fish_scimctl_needs_command" -f -a "man" -d 'Print the man page (roff), or write one page per command with --dir'
complete -c scimctl -n "__fish_scimctl_needs_command" -f -a "options" -d 'The options every command takes: the endpoint, the token, limits and output'
complete -c scimctl -n "__fish_scimctl_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and not __fish_seen_subcommand_from find get list help" -l url -d 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and not __fish_seen_subcommand_from find get list help" -l token-file -d 'Read the bearer token from FILE (first line; the file should be private to you)' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and not __fish_seen_subcommand_from find get list help" -l profile -d 'Use the named profile from the configuration file' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and not __fish_seen_subcommand_from find get list help" -l config -d 'Configuration file [default: the platform config dir\'s scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and not __fish_seen_subcommand_from find get list help" -l provider -d 'The service provider\'s rules to apply [default: detected from the URL]' -r -f -a "generic\t''
pulumi\t''
github-emu\t''
aws\t''
slack\t''
atlassian\t''
okta\t''
entra\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and not __fish_seen_subcommand_from find get list help" -l timeout -d 'Seconds to wait for each request [default: 30]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and not __fish_seen_subcommand_from find get list help" -l max-retries -d 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and not __fish_seen_subcommand_from find get list help" -l max-scan -d 'Read at most N users when no proven filter can answer a lookup; 0 reads them all [default: 10000]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and not __fish_seen_subcommand_from find get list help" -l deadline -d 'End the whole command within SECONDS: requests, retries, Retry-After waits and pages [default: no overall limit; each request still has --timeout]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and not __fish_seen_subcommand_from find get list help" -l max-users -d 'Read at most N users in one listing or scan [default: twice the server\'s totalResults plus 1000, so a server that never stops sending users is stopped]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and not __fish_seen_subcommand_from find get list help" -l ca-cert -d 'Trust this PEM certificate (a private CA) besides the platform\'s roots' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and not __fish_seen_subcommand_from find get list help" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'Tables for people'
json\t'One JSON document with "version": 1'
ndjson\t'One JSON object per line, streamed'"
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and not __fish_seen_subcommand_from find get list help" -l jq -d 'Filter the JSON output through a jq expression, as gh does: strings print as they are, other values as compact JSON, one per line [implies -o json]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and not __fish_seen_subcommand_from find get list help" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and not __fish_seen_subcommand_from find get list help" -l token-stdin -d 'Read the bearer token from standard input'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and not __fish_seen_subcommand_from find get list help" -l insecure-http -d 'Allow sending the token over plain http:// to a host that is not this machine'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and not __fish_seen_subcommand_from find get list help" -l wide -d 'Show every table column whole, however wide the terminal'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and not __fish_seen_subcommand_from find get list help" -l no-input -d 'Never prompt; fail instead where input would be needed'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and not __fish_seen_subcommand_from find get list help" -s v -l verbose -d 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and not __fish_seen_subcommand_from find get list help" -s q -l quiet -d 'Only data and errors: no notes, hints or progress on stderr'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and not __fish_seen_subcommand_from find get list help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and not __fish_seen_subcommand_from find get list help" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and not __fish_seen_subcommand_from find get list help" -f -a "find" -d 'Find the users holding a userName, email or externalId, or matching a filter'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and not __fish_seen_subcommand_from find get list help" -f -a "get" -d 'Show one user by its SCIM id'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and not __fish_seen_subcommand_from find get list help" -f -a "list" -d 'List users, page by page'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and not __fish_seen_subcommand_from find get list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from find" -l username -d 'The userName to look for (compared ignoring case)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from find" -l email -d 'The email to look for, in any of a user\'s emails' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from find" -l external-id -d 'The externalId to look for (compared exactly)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from find" -l filter -d 'A raw SCIM filter' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from find" -l limit -d 'Show at most N users' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from find" -l url -d 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from find" -l token-file -d 'Read the bearer token from FILE (first line; the file should be private to you)' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from find" -l profile -d 'Use the named profile from the configuration file' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from find" -l config -d 'Configuration file [default: the platform config dir\'s scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from find" -l provider -d 'The service provider\'s rules to apply [default: detected from the URL]' -r -f -a "generic\t''
pulumi\t''
github-emu\t''
aws\t''
slack\t''
atlassian\t''
okta\t''
entra\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from find" -l timeout -d 'Seconds to wait for each request [default: 30]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from find" -l max-retries -d 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from find" -l max-scan -d 'Read at most N users when no proven filter can answer a lookup; 0 reads them all [default: 10000]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from find" -l deadline -d 'End the whole command within SECONDS: requests, retries, Retry-After waits and pages [default: no overall limit; each request still has --timeout]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from find" -l max-users -d 'Read at most N users in one listing or scan [default: twice the server\'s totalResults plus 1000, so a server that never stops sending users is stopped]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from find" -l ca-cert -d 'Trust this PEM certificate (a private CA) besides the platform\'s roots' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from find" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'Tables for people'
json\t'One JSON document with "version": 1'
ndjson\t'One JSON object per line, streamed'"
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from find" -l jq -d 'Filter the JSON output through a jq expression, as gh does: strings print as they are, other values as compact JSON, one per line [implies -o json]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from find" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from find" -l token-stdin -d 'Read the bearer token from standard input'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from find" -l insecure-http -d 'Allow sending the token over plain http:// to a host that is not this machine'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from find" -l wide -d 'Show every table column whole, however wide the terminal'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from find" -l no-input -d 'Never prompt; fail instead where input would be needed'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from find" -s v -l verbose -d 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from find" -s q -l quiet -d 'Only data and errors: no notes, hints or progress on stderr'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from find" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from find" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from get" -l url -d 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from get" -l token-file -d 'Read the bearer token from FILE (first line; the file should be private to you)' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from get" -l profile -d 'Use the named profile from the configuration file' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from get" -l config -d 'Configuration file [default: the platform config dir\'s scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from get" -l provider -d 'The service provider\'s rules to apply [default: detected from the URL]' -r -f -a "generic\t''
pulumi\t''
github-emu\t''
aws\t''
slack\t''
atlassian\t''
okta\t''
entra\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from get" -l timeout -d 'Seconds to wait for each request [default: 30]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from get" -l max-retries -d 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from get" -l max-scan -d 'Read at most N users when no proven filter can answer a lookup; 0 reads them all [default: 10000]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from get" -l deadline -d 'End the whole command within SECONDS: requests, retries, Retry-After waits and pages [default: no overall limit; each request still has --timeout]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from get" -l max-users -d 'Read at most N users in one listing or scan [default: twice the server\'s totalResults plus 1000, so a server that never stops sending users is stopped]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from get" -l ca-cert -d 'Trust this PEM certificate (a private CA) besides the platform\'s roots' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from get" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'Tables for people'
json\t'One JSON document with "version": 1'
ndjson\t'One JSON object per line, streamed'"
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from get" -l jq -d 'Filter the JSON output through a jq expression, as gh does: strings print as they are, other values as compact JSON, one per line [implies -o json]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from get" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from get" -l token-stdin -d 'Read the bearer token from standard input'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from get" -l insecure-http -d 'Allow sending the token over plain http:// to a host that is not this machine'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from get" -l wide -d 'Show every table column whole, however wide the terminal'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from get" -l no-input -d 'Never prompt; fail instead where input would be needed'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from get" -s v -l verbose -d 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from get" -s q -l quiet -d 'Only data and errors: no notes, hints or progress on stderr'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from get" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from list" -l filter -d 'A SCIM filter (RFC 7644 §3.4.2.2), checked before it is sent' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from list" -l limit -d 'List at most N users' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from list" -l url -d 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from list" -l token-file -d 'Read the bearer token from FILE (first line; the file should be private to you)' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from list" -l profile -d 'Use the named profile from the configuration file' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from list" -l config -d 'Configuration file [default: the platform config dir\'s scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from list" -l provider -d 'The service provider\'s rules to apply [default: detected from the URL]' -r -f -a "generic\t''
pulumi\t''
github-emu\t''
aws\t''
slack\t''
atlassian\t''
okta\t''
entra\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from list" -l timeout -d 'Seconds to wait for each request [default: 30]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from list" -l max-retries -d 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from list" -l max-scan -d 'Read at most N users when no proven filter can answer a lookup; 0 reads them all [default: 10000]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from list" -l deadline -d 'End the whole command within SECONDS: requests, retries, Retry-After waits and pages [default: no overall limit; each request still has --timeout]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from list" -l max-users -d 'Read at most N users in one listing or scan [default: twice the server\'s totalResults plus 1000, so a server that never stops sending users is stopped]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from list" -l ca-cert -d 'Trust this PEM certificate (a private CA) besides the platform\'s roots' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'Tables for people'
json\t'One JSON document with "version": 1'
ndjson\t'One JSON object per line, streamed'"
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from list" -l jq -d 'Filter the JSON output through a jq expression, as gh does: strings print as they are, other values as compact JSON, one per line [implies -o json]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from list" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from list" -l token-stdin -d 'Read the bearer token from standard input'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from list" -l insecure-http -d 'Allow sending the token over plain http:// to a host that is not this machine'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from list" -l wide -d 'Show every table column whole, however wide the terminal'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; fail instead where input would be needed'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Only data and errors: no notes, hints or progress on stderr'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "find" -d 'Find the users holding a userName, email or externalId, or matching a filter'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "get" -d 'Show one user by its SCIM id'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "list" -d 'List users, page by page'
complete -c scimctl -n "__fish_scimctl_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose" -l username -d 'The userName the identity provider sent' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose" -l email -d 'An email the identity provider sent (repeatable)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose" -l external-id -d 'The externalId the identity provider sent' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose" -l payload -d 'The SCIM User the identity provider tried to create (JSON file, or - for stdin; at most 1,000 emails)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose" -l error -d 'The identity provider\'s error: the text itself, @FILE, or - for stdin' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose" -l url -d 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose" -l token-file -d 'Read the bearer token from FILE (first line; the file should be private to you)' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose" -l profile -d 'Use the named profile from the configuration file' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose" -l config -d 'Configuration file [default: the platform config dir\'s scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose" -l provider -d 'The service provider\'s rules to apply [default: detected from the URL]' -r -f -a "generic\t''
pulumi\t''
github-emu\t''
aws\t''
slack\t''
atlassian\t''
okta\t''
entra\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose" -l timeout -d 'Seconds to wait for each request [default: 30]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose" -l max-retries -d 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose" -l max-scan -d 'Read at most N users when no proven filter can answer a lookup; 0 reads them all [default: 10000]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose" -l deadline -d 'End the whole command within SECONDS: requests, retries, Retry-After waits and pages [default: no overall limit; each request still has --timeout]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose" -l max-users -d 'Read at most N users in one listing or scan [default: twice the server\'s totalResults plus 1000, so a server that never stops sending users is stopped]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose" -l ca-cert -d 'Trust this PEM certificate (a private CA) besides the platform\'s roots' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'Tables for people'
json\t'One JSON document with "version": 1'
ndjson\t'One JSON object per line, streamed'"
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose" -l jq -d 'Filter the JSON output through a jq expression, as gh does: strings print as they are, other values as compact JSON, one per line [implies -o json]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose" -l deep -d 'Also read every user, to catch stored values that collide only once normalised'
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose" -l token-stdin -d 'Read the bearer token from standard input'
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose" -l insecure-http -d 'Allow sending the token over plain http:// to a host that is not this machine'
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose" -l wide -d 'Show every table column whole, however wide the terminal'
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose" -l no-input -d 'Never prompt; fail instead where input would be needed'
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose" -s v -l verbose -d 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies'
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose" -s q -l quiet -d 'Only data and errors: no notes, hints or progress on stderr'
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c scimctl -n "__fish_scimctl_using_subcommand diagnose" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand triage" -l format -d 'Read the files as this format instead of detecting it from their content' -r -f -a "entra-json\t'Entra ID records as JSON: the portal\'s download (an array), a Graph page (`{"value":[…]}`), NDJSON, or a Log Analytics `AADProvisioningLogs` export'
entra-csv\t'Entra ID\'s CSV download: `ProvisioningLogs`, `…_ProvisioningSteps` and `…_ModifiedProperties`, given together'
okta-json\t'Okta System Log events as JSON: the API\'s array, NDJSON, or event-hook envelopes'
okta-csv\t'Okta\'s System Log CSV download'
google-csv\t'Google Workspace\'s "Download list" of provisioning failures'
text\t'Failure texts pasted one per line (Okta tasks, Entra messages, SCIM error bodies)'"
complete -c scimctl -n "__fish_scimctl_using_subcommand triage" -l since -d 'Only failures at or after TIME (2026-11-20, or 2026-11-20T09:00:00Z)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand triage" -l until -d 'Only failures before TIME' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand triage" -l plan -d 'Write every recommended fix that can run as one batch plan (JSON) to FILE' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand triage" -l url -d 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand triage" -l token-file -d 'Read the bearer token from FILE (first line; the file should be private to you)' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand triage" -l profile -d 'Use the named profile from the configuration file' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand triage" -l config -d 'Configuration file [default: the platform config dir\'s scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand triage" -l provider -d 'The service provider\'s rules to apply [default: detected from the URL]' -r -f -a "generic\t''
pulumi\t''
github-emu\t''
aws\t''
slack\t''
atlassian\t''
okta\t''
entra\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand triage" -l timeout -d 'Seconds to wait for each request [default: 30]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand triage" -l max-retries -d 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand triage" -l max-scan -d 'Read at most N users when no proven filter can answer a lookup; 0 reads them all [default: 10000]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand triage" -l deadline -d 'End the whole command within SECONDS: requests, retries, Retry-After waits and pages [default: no overall limit; each request still has --timeout]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand triage" -l max-users -d 'Read at most N users in one listing or scan [default: twice the server\'s totalResults plus 1000, so a server that never stops sending users is stopped]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand triage" -l ca-cert -d 'Trust this PEM certificate (a private CA) besides the platform\'s roots' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand triage" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'Tables for people'
json\t'One JSON document with "version": 1'
ndjson\t'One JSON object per line, streamed'"
complete -c scimctl -n "__fish_scimctl_using_subcommand triage" -l jq -d 'Filter the JSON output through a jq expression, as gh does: strings print as they are, other values as compact JSON, one per line [implies -o json]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand triage" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand triage" -l token-stdin -d 'Read the bearer token from standard input'
complete -c scimctl -n "__fish_scimctl_using_subcommand triage" -l insecure-http -d 'Allow sending the token over plain http:// to a host that is not this machine'
complete -c scimctl -n "__fish_scimctl_using_subcommand triage" -l wide -d 'Show every table column whole, however wide the terminal'
complete -c scimctl -n "__fish_scimctl_using_subcommand triage" -l no-input -d 'Never prompt; fail instead where input would be needed'
complete -c scimctl -n "__fish_scimctl_using_subcommand triage" -s v -l verbose -d 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies'
complete -c scimctl -n "__fish_scimctl_using_subcommand triage" -s q -l quiet -d 'Only data and errors: no notes, hints or progress on stderr'
complete -c scimctl -n "__fish_scimctl_using_subcommand triage" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c scimctl -n "__fish_scimctl_using_subcommand triage" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand resolve" -l username -d 'The userName the identity provider sent' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand resolve" -l email -d 'An email the identity provider sent (repeatable)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand resolve" -l external-id -d 'The externalId the identity provider sent' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand resolve" -l payload -d 'The SCIM User the identity provider tried to create (JSON file, or - for stdin; at most 1,000 emails)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand resolve" -l error -d 'The identity provider\'s error: the text itself, @FILE, or - for stdin' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand resolve" -l url -d 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand resolve" -l token-file -d 'Read the bearer token from FILE (first line; the file should be private to you)' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand resolve" -l profile -d 'Use the named profile from the configuration file' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand resolve" -l config -d 'Configuration file [default: the platform config dir\'s scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand resolve" -l provider -d 'The service provider\'s rules to apply [default: detected from the URL]' -r -f -a "generic\t''
pulumi\t''
github-emu\t''
aws\t''
slack\t''
atlassian\t''
okta\t''
entra\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand resolve" -l timeout -d 'Seconds to wait for each request [default: 30]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand resolve" -l max-retries -d 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand resolve" -l max-scan -d 'Read at most N users when no proven filter can answer a lookup; 0 reads them all [default: 10000]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand resolve" -l deadline -d 'End the whole command within SECONDS: requests, retries, Retry-After waits and pages [default: no overall limit; each request still has --timeout]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand resolve" -l max-users -d 'Read at most N users in one listing or scan [default: twice the server\'s totalResults plus 1000, so a server that never stops sending users is stopped]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand resolve" -l ca-cert -d 'Trust this PEM certificate (a private CA) besides the platform\'s roots' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand resolve" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'Tables for people'
json\t'One JSON document with "version": 1'
ndjson\t'One JSON object per line, streamed'"
complete -c scimctl -n "__fish_scimctl_using_subcommand resolve" -l jq -d 'Filter the JSON output through a jq expression, as gh does: strings print as they are, other values as compact JSON, one per line [implies -o json]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand resolve" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand resolve" -l deep -d 'Also read every user, to catch stored values that collide only once normalised'
complete -c scimctl -n "__fish_scimctl_using_subcommand resolve" -l token-stdin -d 'Read the bearer token from standard input'
complete -c scimctl -n "__fish_scimctl_using_subcommand resolve" -l insecure-http -d 'Allow sending the token over plain http:// to a host that is not this machine'
complete -c scimctl -n "__fish_scimctl_using_subcommand resolve" -l wide -d 'Show every table column whole, however wide the terminal'
complete -c scimctl -n "__fish_scimctl_using_subcommand resolve" -l no-input -d 'Never prompt; fail instead where input would be needed'
complete -c scimctl -n "__fish_scimctl_using_subcommand resolve" -s v -l verbose -d 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies'
complete -c scimctl -n "__fish_scimctl_using_subcommand resolve" -s q -l quiet -d 'Only data and errors: no notes, hints or progress on stderr'
complete -c scimctl -n "__fish_scimctl_using_subcommand resolve" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c scimctl -n "__fish_scimctl_using_subcommand resolve" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand rename-user" -l username -d 'Or the userName to free: the account that holds it is renamed' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand rename-user" -l to -d 'The new userName' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand rename-user" -l url -d 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand rename-user" -l token-file -d 'Read the bearer token from FILE (first line; the file should be private to you)' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand rename-user" -l profile -d 'Use the named profile from the configuration file' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand rename-user" -l config -d 'Configuration file [default: the platform config dir\'s scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand rename-user" -l provider -d 'The service provider\'s rules to apply [default: detected from the URL]' -r -f -a "generic\t''
pulumi\t''
github-emu\t''
aws\t''
slack\t''
atlassian\t''
okta\t''
entra\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand rename-user" -l timeout -d 'Seconds to wait for each request [default: 30]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand rename-user" -l max-retries -d 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand rename-user" -l max-scan -d 'Read at most N users when no proven filter can answer a lookup; 0 reads them all [default: 10000]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand rename-user" -l deadline -d 'End the whole command within SECONDS: requests, retries, Retry-After waits and pages [default: no overall limit; each request still has --timeout]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand rename-user" -l max-users -d 'Read at most N users in one listing or scan [default: twice the server\'s totalResults plus 1000, so a server that never stops sending users is stopped]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand rename-user" -l ca-cert -d 'Trust this PEM certificate (a private CA) besides the platform\'s roots' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand rename-user" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'Tables for people'
json\t'One JSON document with "version": 1'
ndjson\t'One JSON object per line, streamed'"
complete -c scimctl -n "__fish_scimctl_using_subcommand rename-user" -l jq -d 'Filter the JSON output through a jq expression, as gh does: strings print as they are, other values as compact JSON, one per line [implies -o json]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand rename-user" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand rename-user" -l dry-run -d 'Print the plan and write nothing'
complete -c scimctl -n "__fish_scimctl_using_subcommand rename-user" -s y -l yes -d 'Apply without asking (needed without a terminal)'
complete -c scimctl -n "__fish_scimctl_using_subcommand rename-user" -l token-stdin -d 'Read the bearer token from standard input'
complete -c scimctl -n "__fish_scimctl_using_subcommand rename-user" -l insecure-http -d 'Allow sending the token over plain http:// to a host that is not this machine'
complete -c scimctl -n "__fish_scimctl_using_subcommand rename-user" -l wide -d 'Show every table column whole, however wide the terminal'
complete -c scimctl -n "__fish_scimctl_using_subcommand rename-user" -l no-input -d 'Never prompt; fail instead where input would be needed'
complete -c scimctl -n "__fish_scimctl_using_subcommand rename-user" -s v -l verbose -d 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies'
complete -c scimctl -n "__fish_scimctl_using_subcommand rename-user" -s q -l quiet -d 'Only data and errors: no notes, hints or progress on stderr'
complete -c scimctl -n "__fish_scimctl_using_subcommand rename-user" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c scimctl -n "__fish_scimctl_using_subcommand rename-user" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand suggest-username" -l limit -d 'How many free names to suggest' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand suggest-username" -l url -d 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand suggest-username" -l token-file -d 'Read the bearer token from FILE (first line; the file should be private to you)' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand suggest-username" -l profile -d 'Use the named profile from the configuration file' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand suggest-username" -l config -d 'Configuration file [default: the platform config dir\'s scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand suggest-username" -l provider -d 'The service provider\'s rules to apply [default: detected from the URL]' -r -f -a "generic\t''
pulumi\t''
github-emu\t''
aws\t''
slack\t''
atlassian\t''
okta\t''
entra\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand suggest-username" -l timeout -d 'Seconds to wait for each request [default: 30]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand suggest-username" -l max-retries -d 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand suggest-username" -l max-scan -d 'Read at most N users when no proven filter can answer a lookup; 0 reads them all [default: 10000]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand suggest-username" -l deadline -d 'End the whole command within SECONDS: requests, retries, Retry-After waits and pages [default: no overall limit; each request still has --timeout]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand suggest-username" -l max-users -d 'Read at most N users in one listing or scan [default: twice the server\'s totalResults plus 1000, so a server that never stops sending users is stopped]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand suggest-username" -l ca-cert -d 'Trust this PEM certificate (a private CA) besides the platform\'s roots' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand suggest-username" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'Tables for people'
json\t'One JSON document with "version": 1'
ndjson\t'One JSON object per line, streamed'"
complete -c scimctl -n "__fish_scimctl_using_subcommand suggest-username" -l jq -d 'Filter the JSON output through a jq expression, as gh does: strings print as they are, other values as compact JSON, one per line [implies -o json]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand suggest-username" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand suggest-username" -l token-stdin -d 'Read the bearer token from standard input'
complete -c scimctl -n "__fish_scimctl_using_subcommand suggest-username" -l insecure-http -d 'Allow sending the token over plain http:// to a host that is not this machine'
complete -c scimctl -n "__fish_scimctl_using_subcommand suggest-username" -l wide -d 'Show every table column whole, however wide the terminal'
complete -c scimctl -n "__fish_scimctl_using_subcommand suggest-username" -l no-input -d 'Never prompt; fail instead where input would be needed'
complete -c scimctl -n "__fish_scimctl_using_subcommand suggest-username" -s v -l verbose -d 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies'
complete -c scimctl -n "__fish_scimctl_using_subcommand suggest-username" -s q -l quiet -d 'Only data and errors: no notes, hints or progress on stderr'
complete -c scimctl -n "__fish_scimctl_using_subcommand suggest-username" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c scimctl -n "__fish_scimctl_using_subcommand suggest-username" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand release-email" -l from -d 'The old spelling of HOLDER' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand release-email" -l to -d 'Put this address in its place [default: a placeholder on the same domain]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand release-email" -l url -d 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand release-email" -l token-file -d 'Read the bearer token from FILE (first line; the file should be private to you)' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand release-email" -l profile -d 'Use the named profile from the configuration file' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand release-email" -l config -d 'Configuration file [default: the platform config dir\'s scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand release-email" -l provider -d 'The service provider\'s rules to apply [default: detected from the URL]' -r -f -a "generic\t''
pulumi\t''
github-emu\t''
aws\t''
slack\t''
atlassian\t''
okta\t''
entra\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand release-email" -l timeout -d 'Seconds to wait for each request [default: 30]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand release-email" -l max-retries -d 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand release-email" -l max-scan -d 'Read at most N users when no proven filter can answer a lookup; 0 reads them all [default: 10000]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand release-email" -l deadline -d 'End the whole command within SECONDS: requests, retries, Retry-After waits and pages [default: no overall limit; each request still has --timeout]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand release-email" -l max-users -d 'Read at most N users in one listing or scan [default: twice the server\'s totalResults plus 1000, so a server that never stops sending users is stopped]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand release-email" -l ca-cert -d 'Trust this PEM certificate (a private CA) besides the platform\'s roots' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand release-email" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'Tables for people'
json\t'One JSON document with "version": 1'
ndjson\t'One JSON object per line, streamed'"
complete -c scimctl -n "__fish_scimctl_using_subcommand release-email" -l jq -d 'Filter the JSON output through a jq expression, as gh does: strings print as they are, other values as compact JSON, one per line [implies -o json]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand release-email" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand release-email" -l remove -d 'Drop the address instead (unless it is the account\'s only one)'
complete -c scimctl -n "__fish_scimctl_using_subcommand release-email" -l dry-run -d 'Print the plan and write nothing'
complete -c scimctl -n "__fish_scimctl_using_subcommand release-email" -s y -l yes -d 'Apply without asking (needed without a terminal)'
complete -c scimctl -n "__fish_scimctl_using_subcommand release-email" -l token-stdin -d 'Read the bearer token from standard input'
complete -c scimctl -n "__fish_scimctl_using_subcommand release-email" -l insecure-http -d 'Allow sending the token over plain http:// to a host that is not this machine'
complete -c scimctl -n "__fish_scimctl_using_subcommand release-email" -l wide -d 'Show every table column whole, however wide the terminal'
complete -c scimctl -n "__fish_scimctl_using_subcommand release-email" -l no-input -d 'Never prompt; fail instead where input would be needed'
complete -c scimctl -n "__fish_scimctl_using_subcommand release-email" -s v -l verbose -d 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies'
complete -c scimctl -n "__fish_scimctl_using_subcommand release-email" -s q -l quiet -d 'Only data and errors: no notes, hints or progress on stderr'
complete -c scimctl -n "__fish_scimctl_using_subcommand release-email" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c scimctl -n "__fish_scimctl_using_subcommand release-email" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand link" -l payload -d 'The SCIM User the identity provider tried to create (JSON file, or - for stdin; at most 1,000 emails)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand link" -l username -d 'The incoming userName, set on the holder (overrides the payload\'s)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand link" -l external-id -d 'The incoming externalId, set on the holder (overrides the payload\'s)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand link" -l url -d 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand link" -l token-file -d 'Read the bearer token from FILE (first line; the file should be private to you)' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand link" -l profile -d 'Use the named profile from the configuration file' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand link" -l config -d 'Configuration file [default: the platform config dir\'s scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand link" -l provider -d 'The service provider\'s rules to apply [default: detected from the URL]' -r -f -a "generic\t''
pulumi\t''
github-emu\t''
aws\t''
slack\t''
atlassian\t''
okta\t''
entra\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand link" -l timeout -d 'Seconds to wait for each request [default: 30]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand link" -l max-retries -d 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand link" -l max-scan -d 'Read at most N users when no proven filter can answer a lookup; 0 reads them all [default: 10000]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand link" -l deadline -d 'End the whole command within SECONDS: requests, retries, Retry-After waits and pages [default: no overall limit; each request still has --timeout]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand link" -l max-users -d 'Read at most N users in one listing or scan [default: twice the server\'s totalResults plus 1000, so a server that never stops sending users is stopped]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand link" -l ca-cert -d 'Trust this PEM certificate (a private CA) besides the platform\'s roots' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand link" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'Tables for people'
json\t'One JSON document with "version": 1'
ndjson\t'One JSON object per line, streamed'"
complete -c scimctl -n "__fish_scimctl_using_subcommand link" -l jq -d 'Filter the JSON output through a jq expression, as gh does: strings print as they are, other values as compact JSON, one per line [implies -o json]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand link" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand link" -l activate -d 'Also set active=true'
complete -c scimctl -n "__fish_scimctl_using_subcommand link" -l dry-run -d 'Print the plan and write nothing'
complete -c scimctl -n "__fish_scimctl_using_subcommand link" -s y -l yes -d 'Apply without asking (needed without a terminal)'
complete -c scimctl -n "__fish_scimctl_using_subcommand link" -l token-stdin -d 'Read the bearer token from standard input'
complete -c scimctl -n "__fish_scimctl_using_subcommand link" -l insecure-http -d 'Allow sending the token over plain http:// to a host that is not this machine'
complete -c scimctl -n "__fish_scimctl_using_subcommand link" -l wide -d 'Show every table column whole, however wide the terminal'
complete -c scimctl -n "__fish_scimctl_using_subcommand link" -l no-input -d 'Never prompt; fail instead where input would be needed'
complete -c scimctl -n "__fish_scimctl_using_subcommand link" -s v -l verbose -d 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies'
complete -c scimctl -n "__fish_scimctl_using_subcommand link" -s q -l quiet -d 'Only data and errors: no notes, hints or progress on stderr'
complete -c scimctl -n "__fish_scimctl_using_subcommand link" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c scimctl -n "__fish_scimctl_using_subcommand link" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand provision" -l payload -d 'The SCIM User the identity provider tried to create (JSON file, or - for stdin; at most 1,000 emails)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand provision" -l username -d 'The incoming userName to create it with (overrides the payload\'s)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand provision" -l email -d 'The incoming primary email to create it with (overrides the payload\'s)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand provision" -l url -d 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand provision" -l token-file -d 'Read the bearer token from FILE (first line; the file should be private to you)' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand provision" -l profile -d 'Use the named profile from the configuration file' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand provision" -l config -d 'Configuration file [default: the platform config dir\'s scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand provision" -l provider -d 'The service provider\'s rules to apply [default: detected from the URL]' -r -f -a "generic\t''
pulumi\t''
github-emu\t''
aws\t''
slack\t''
atlassian\t''
okta\t''
entra\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand provision" -l timeout -d 'Seconds to wait for each request [default: 30]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand provision" -l max-retries -d 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand provision" -l max-scan -d 'Read at most N users when no proven filter can answer a lookup; 0 reads them all [default: 10000]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand provision" -l deadline -d 'End the whole command within SECONDS: requests, retries, Retry-After waits and pages [default: no overall limit; each request still has --timeout]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand provision" -l max-users -d 'Read at most N users in one listing or scan [default: twice the server\'s totalResults plus 1000, so a server that never stops sending users is stopped]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand provision" -l ca-cert -d 'Trust this PEM certificate (a private CA) besides the platform\'s roots' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand provision" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'Tables for people'
json\t'One JSON document with "version": 1'
ndjson\t'One JSON object per line, streamed'"
complete -c scimctl -n "__fish_scimctl_using_subcommand provision" -l jq -d 'Filter the JSON output through a jq expression, as gh does: strings print as they are, other values as compact JSON, one per line [implies -o json]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand provision" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand provision" -l dry-run -d 'Print the plan and write nothing'
complete -c scimctl -n "__fish_scimctl_using_subcommand provision" -s y -l yes -d 'Apply without asking (needed without a terminal)'
complete -c scimctl -n "__fish_scimctl_using_subcommand provision" -l token-stdin -d 'Read the bearer token from standard input'
complete -c scimctl -n "__fish_scimctl_using_subcommand provision" -l insecure-http -d 'Allow sending the token over plain http:// to a host that is not this machine'
complete -c scimctl -n "__fish_scimctl_using_subcommand provision" -l wide -d 'Show every table column whole, however wide the terminal'
complete -c scimctl -n "__fish_scimctl_using_subcommand provision" -l no-input -d 'Never prompt; fail instead where input would be needed'
complete -c scimctl -n "__fish_scimctl_using_subcommand provision" -s v -l verbose -d 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies'
complete -c scimctl -n "__fish_scimctl_using_subcommand provision" -s q -l quiet -d 'Only data and errors: no notes, hints or progress on stderr'
complete -c scimctl -n "__fish_scimctl_using_subcommand provision" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c scimctl -n "__fish_scimctl_using_subcommand provision" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and not __fish_seen_subcommand_from list show undo settle help" -l url -d 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and not __fish_seen_subcommand_from list show undo settle help" -l token-file -d 'Read the bearer token from FILE (first line; the file should be private to you)' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and not __fish_seen_subcommand_from list show undo settle help" -l profile -d 'Use the named profile from the configuration file' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and not __fish_seen_subcommand_from list show undo settle help" -l config -d 'Configuration file [default: the platform config dir\'s scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and not __fish_seen_subcommand_from list show undo settle help" -l provider -d 'The service provider\'s rules to apply [default: detected from the URL]' -r -f -a "generic\t''
pulumi\t''
github-emu\t''
aws\t''
slack\t''
atlassian\t''
okta\t''
entra\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and not __fish_seen_subcommand_from list show undo settle help" -l timeout -d 'Seconds to wait for each request [default: 30]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and not __fish_seen_subcommand_from list show undo settle help" -l max-retries -d 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and not __fish_seen_subcommand_from list show undo settle help" -l max-scan -d 'Read at most N users when no proven filter can answer a lookup; 0 reads them all [default: 10000]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and not __fish_seen_subcommand_from list show undo settle help" -l deadline -d 'End the whole command within SECONDS: requests, retries, Retry-After waits and pages [default: no overall limit; each request still has --timeout]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and not __fish_seen_subcommand_from list show undo settle help" -l max-users -d 'Read at most N users in one listing or scan [default: twice the server\'s totalResults plus 1000, so a server that never stops sending users is stopped]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and not __fish_seen_subcommand_from list show undo settle help" -l ca-cert -d 'Trust this PEM certificate (a private CA) besides the platform\'s roots' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and not __fish_seen_subcommand_from list show undo settle help" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'Tables for people'
json\t'One JSON document with "version": 1'
ndjson\t'One JSON object per line, streamed'"
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and not __fish_seen_subcommand_from list show undo settle help" -l jq -d 'Filter the JSON output through a jq expression, as gh does: strings print as they are, other values as compact JSON, one per line [implies -o json]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and not __fish_seen_subcommand_from list show undo settle help" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and not __fish_seen_subcommand_from list show undo settle help" -l token-stdin -d 'Read the bearer token from standard input'
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and not __fish_seen_subcommand_from list show undo settle help" -l insecure-http -d 'Allow sending the token over plain http:// to a host that is not this machine'
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and not __fish_seen_subcommand_from list show undo settle help" -l wide -d 'Show every table column whole, however wide the terminal'
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and not __fish_seen_subcommand_from list show undo settle help" -l no-input -d 'Never prompt; fail instead where input would be needed'
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and not __fish_seen_subcommand_from list show undo settle help" -s v -l verbose -d 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies'
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and not __fish_seen_subcommand_from list show undo settle help" -s q -l quiet -d 'Only data and errors: no notes, hints or progress on stderr'
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and not __fish_seen_subcommand_from list show undo settle help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and not __fish_seen_subcommand_from list show undo settle help" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and not __fish_seen_subcommand_from list show undo settle help" -f -a "list" -d 'List the changes scimctl made (in doubt: interrupted before its outcome was recorded)'
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and not __fish_seen_subcommand_from list show undo settle help" -f -a "show" -d 'Show one entry: its plan, the values before and after, the endpoint and the outcome'
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and not __fish_seen_subcommand_from list show undo settle help" -f -a "undo" -d 'Put back what a journal entry changed, if nothing has changed since'
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and not __fish_seen_subcommand_from list show undo settle help" -f -a "settle" -d 'Settle an entry in doubt: read the account back and record whether the change was made'
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and not __fish_seen_subcommand_from list show undo settle help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from list" -l limit -d 'Show only the N most recent entries' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from list" -l url -d 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from list" -l token-file -d 'Read the bearer token from FILE (first line; the file should be private to you)' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from list" -l profile -d 'Use the named profile from the configuration file' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from list" -l config -d 'Configuration file [default: the platform config dir\'s scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from list" -l provider -d 'The service provider\'s rules to apply [default: detected from the URL]' -r -f -a "generic\t''
pulumi\t''
github-emu\t''
aws\t''
slack\t''
atlassian\t''
okta\t''
entra\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from list" -l timeout -d 'Seconds to wait for each request [default: 30]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from list" -l max-retries -d 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from list" -l max-scan -d 'Read at most N users when no proven filter can answer a lookup; 0 reads them all [default: 10000]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from list" -l deadline -d 'End the whole command within SECONDS: requests, retries, Retry-After waits and pages [default: no overall limit; each request still has --timeout]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from list" -l max-users -d 'Read at most N users in one listing or scan [default: twice the server\'s totalResults plus 1000, so a server that never stops sending users is stopped]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from list" -l ca-cert -d 'Trust this PEM certificate (a private CA) besides the platform\'s roots' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'Tables for people'
json\t'One JSON document with "version": 1'
ndjson\t'One JSON object per line, streamed'"
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from list" -l jq -d 'Filter the JSON output through a jq expression, as gh does: strings print as they are, other values as compact JSON, one per line [implies -o json]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from list" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from list" -l token-stdin -d 'Read the bearer token from standard input'
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from list" -l insecure-http -d 'Allow sending the token over plain http:// to a host that is not this machine'
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from list" -l wide -d 'Show every table column whole, however wide the terminal'
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; fail instead where input would be needed'
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies'
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Only data and errors: no notes, hints or progress on stderr'
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from show" -l url -d 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from show" -l token-file -d 'Read the bearer token from FILE (first line; the file should be private to you)' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from show" -l profile -d 'Use the named profile from the configuration file' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from show" -l config -d 'Configuration file [default: the platform config dir\'s scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from show" -l provider -d 'The service provider\'s rules to apply [default: detected from the URL]' -r -f -a "generic\t''
pulumi\t''
github-emu\t''
aws\t''
slack\t''
atlassian\t''
okta\t''
entra\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from show" -l timeout -d 'Seconds to wait for each request [default: 30]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from show" -l max-retries -d 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from show" -l max-scan -d 'Read at most N users when no proven filter can answer a lookup; 0 reads them all [default: 10000]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from show" -l deadline -d 'End the whole command within SECONDS: requests, retries, Retry-After waits and pages [default: no overall limit; each request still has --timeout]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from show" -l max-users -d 'Read at most N users in one listing or scan [default: twice the server\'s totalResults plus 1000, so a server that never stops sending users is stopped]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from show" -l ca-cert -d 'Trust this PEM certificate (a private CA) besides the platform\'s roots' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'Tables for people'
json\t'One JSON document with "version": 1'
ndjson\t'One JSON object per line, streamed'"
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from show" -l jq -d 'Filter the JSON output through a jq expression, as gh does: strings print as they are, other values as compact JSON, one per line [implies -o json]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from show" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from show" -l token-stdin -d 'Read the bearer token from standard input'
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from show" -l insecure-http -d 'Allow sending the token over plain http:// to a host that is not this machine'
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from show" -l wide -d 'Show every table column whole, however wide the terminal'
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt; fail instead where input would be needed'
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies'
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Only data and errors: no notes, hints or progress on stderr'
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from undo" -l url -d 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from undo" -l token-file -d 'Read the bearer token from FILE (first line; the file should be private to you)' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from undo" -l profile -d 'Use the named profile from the configuration file' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from undo" -l config -d 'Configuration file [default: the platform config dir\'s scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from undo" -l provider -d 'The service provider\'s rules to apply [default: detected from the URL]' -r -f -a "generic\t''
pulumi\t''
github-emu\t''
aws\t''
slack\t''
atlassian\t''
okta\t''
entra\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from undo" -l timeout -d 'Seconds to wait for each request [default: 30]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from undo" -l max-retries -d 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from undo" -l max-scan -d 'Read at most N users when no proven filter can answer a lookup; 0 reads them all [default: 10000]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from undo" -l deadline -d 'End the whole command within SECONDS: requests, retries, Retry-After waits and pages [default: no overall limit; each request still has --timeout]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from undo" -l max-users -d 'Read at most N users in one listing or scan [default: twice the server\'s totalResults plus 1000, so a server that never stops sending users is stopped]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from undo" -l ca-cert -d 'Trust this PEM certificate (a private CA) besides the platform\'s roots' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from undo" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'Tables for people'
json\t'One JSON document with "version": 1'
ndjson\t'One JSON object per line, streamed'"
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from undo" -l jq -d 'Filter the JSON output through a jq expression, as gh does: strings print as they are, other values as compact JSON, one per line [implies -o json]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from undo" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from undo" -l dry-run -d 'Print the plan and write nothing'
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from undo" -s y -l yes -d 'Apply without asking (needed without a terminal)'
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from undo" -l token-stdin -d 'Read the bearer token from standard input'
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from undo" -l insecure-http -d 'Allow sending the token over plain http:// to a host that is not this machine'
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from undo" -l wide -d 'Show every table column whole, however wide the terminal'
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from undo" -l no-input -d 'Never prompt; fail instead where input would be needed'
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from undo" -s v -l verbose -d 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies'
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from undo" -s q -l quiet -d 'Only data and errors: no notes, hints or progress on stderr'
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from undo" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from undo" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from settle" -l url -d 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from settle" -l token-file -d 'Read the bearer token from FILE (first line; the file should be private to you)' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from settle" -l profile -d 'Use the named profile from the configuration file' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from settle" -l config -d 'Configuration file [default: the platform config dir\'s scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from settle" -l provider -d 'The service provider\'s rules to apply [default: detected from the URL]' -r -f -a "generic\t''
pulumi\t''
github-emu\t''
aws\t''
slack\t''
atlassian\t''
okta\t''
entra\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from settle" -l timeout -d 'Seconds to wait for each request [default: 30]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from settle" -l max-retries -d 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from settle" -l max-scan -d 'Read at most N users when no proven filter can answer a lookup; 0 reads them all [default: 10000]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from settle" -l deadline -d 'End the whole command within SECONDS: requests, retries, Retry-After waits and pages [default: no overall limit; each request still has --timeout]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from settle" -l max-users -d 'Read at most N users in one listing or scan [default: twice the server\'s totalResults plus 1000, so a server that never stops sending users is stopped]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from settle" -l ca-cert -d 'Trust this PEM certificate (a private CA) besides the platform\'s roots' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from settle" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'Tables for people'
json\t'One JSON document with "version": 1'
ndjson\t'One JSON object per line, streamed'"
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from settle" -l jq -d 'Filter the JSON output through a jq expression, as gh does: strings print as they are, other values as compact JSON, one per line [implies -o json]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from settle" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from settle" -l token-stdin -d 'Read the bearer token from standard input'
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from settle" -l insecure-http -d 'Allow sending the token over plain http:// to a host that is not this machine'
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from settle" -l wide -d 'Show every table column whole, however wide the terminal'
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from settle" -l no-input -d 'Never prompt; fail instead where input would be needed'
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from settle" -s v -l verbose -d 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies'
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from settle" -s q -l quiet -d 'Only data and errors: no notes, hints or progress on stderr'
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from settle" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from settle" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the changes scimctl made (in doubt: interrupted before its outcome was recorded)'
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one entry: its plan, the values before and after, the endpoint and the outcome'
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from help" -f -a "undo" -d 'Put back what a journal entry changed, if nothing has changed since'
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from help" -f -a "settle" -d 'Settle an entry in doubt: read the account back and record whether the change was made'
complete -c scimctl -n "__fish_scimctl_using_subcommand journal; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c scimctl -n "__fish_scimctl_using_subcommand preflight" -l candidates -d 'The users the identity provider will send (CSV, JSON or NDJSON)' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand preflight" -l mapping -d 'Whose default attribute mapping gives the values sent [default: detected from the file]' -r -f -a "entra\t'userPrincipalName → userName, mail → emails (work), objectId (id) → externalId'
okta\t'login (credentials.userName for app users) → userName, email → emails, id → externalId'
scim\t'The record is a SCIM User: userName, emails, externalId as they are'"
complete -c scimctl -n "__fish_scimctl_using_subcommand preflight" -l map -d 'Columns or fields to read instead: userName=COL,email=COL,externalId=COL' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand preflight" -l plan -d 'Write every recommended fix that can run as one batch plan (JSON) to FILE' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand preflight" -l url -d 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand preflight" -l token-file -d 'Read the bearer token from FILE (first line; the file should be private to you)' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand preflight" -l profile -d 'Use the named profile from the configuration file' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand preflight" -l config -d 'Configuration file [default: the platform config dir\'s scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand preflight" -l provider -d 'The service provider\'s rules to apply [default: detected from the URL]' -r -f -a "generic\t''
pulumi\t''
github-emu\t''
aws\t''
slack\t''
atlassian\t''
okta\t''
entra\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand preflight" -l timeout -d 'Seconds to wait for each request [default: 30]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand preflight" -l max-retries -d 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand preflight" -l max-scan -d 'Read at most N users when no proven filter can answer a lookup; 0 reads them all [default: 10000]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand preflight" -l deadline -d 'End the whole command within SECONDS: requests, retries, Retry-After waits and pages [default: no overall limit; each request still has --timeout]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand preflight" -l max-users -d 'Read at most N users in one listing or scan [default: twice the server\'s totalResults plus 1000, so a server that never stops sending users is stopped]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand preflight" -l ca-cert -d 'Trust this PEM certificate (a private CA) besides the platform\'s roots' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand preflight" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'Tables for people'
json\t'One JSON document with "version": 1'
ndjson\t'One JSON object per line, streamed'"
complete -c scimctl -n "__fish_scimctl_using_subcommand preflight" -l jq -d 'Filter the JSON output through a jq expression, as gh does: strings print as they are, other values as compact JSON, one per line [implies -o json]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand preflight" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand preflight" -l token-stdin -d 'Read the bearer token from standard input'
complete -c scimctl -n "__fish_scimctl_using_subcommand preflight" -l insecure-http -d 'Allow sending the token over plain http:// to a host that is not this machine'
complete -c scimctl -n "__fish_scimctl_using_subcommand preflight" -l wide -d 'Show every table column whole, however wide the terminal'
complete -c scimctl -n "__fish_scimctl_using_subcommand preflight" -l no-input -d 'Never prompt; fail instead where input would be needed'
complete -c scimctl -n "__fish_scimctl_using_subcommand preflight" -s v -l verbose -d 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies'
complete -c scimctl -n "__fish_scimctl_using_subcommand preflight" -s q -l quiet -d 'Only data and errors: no notes, hints or progress on stderr'
complete -c scimctl -n "__fish_scimctl_using_subcommand preflight" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c scimctl -n "__fish_scimctl_using_subcommand preflight" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand audit" -l url -d 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand audit" -l token-file -d 'Read the bearer token from FILE (first line; the file should be private to you)' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand audit" -l profile -d 'Use the named profile from the configuration file' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand audit" -l config -d 'Configuration file [default: the platform config dir\'s scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand audit" -l provider -d 'The service provider\'s rules to apply [default: detected from the URL]' -r -f -a "generic\t''
pulumi\t''
github-emu\t''
aws\t''
slack\t''
atlassian\t''
okta\t''
entra\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand audit" -l timeout -d 'Seconds to wait for each request [default: 30]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand audit" -l max-retries -d 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand audit" -l max-scan -d 'Read at most N users when no proven filter can answer a lookup; 0 reads them all [default: 10000]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand audit" -l deadline -d 'End the whole command within SECONDS: requests, retries, Retry-After waits and pages [default: no overall limit; each request still has --timeout]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand audit" -l max-users -d 'Read at most N users in one listing or scan [default: twice the server\'s totalResults plus 1000, so a server that never stops sending users is stopped]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand audit" -l ca-cert -d 'Trust this PEM certificate (a private CA) besides the platform\'s roots' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand audit" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'Tables for people'
json\t'One JSON document with "version": 1'
ndjson\t'One JSON object per line, streamed'"
complete -c scimctl -n "__fish_scimctl_using_subcommand audit" -l jq -d 'Filter the JSON output through a jq expression, as gh does: strings print as they are, other values as compact JSON, one per line [implies -o json]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand audit" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand audit" -l token-stdin -d 'Read the bearer token from standard input'
complete -c scimctl -n "__fish_scimctl_using_subcommand audit" -l insecure-http -d 'Allow sending the token over plain http:// to a host that is not this machine'
complete -c scimctl -n "__fish_scimctl_using_subcommand audit" -l wide -d 'Show every table column whole, however wide the terminal'
complete -c scimctl -n "__fish_scimctl_using_subcommand audit" -l no-input -d 'Never prompt; fail instead where input would be needed'
complete -c scimctl -n "__fish_scimctl_using_subcommand audit" -s v -l verbose -d 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies'
complete -c scimctl -n "__fish_scimctl_using_subcommand audit" -s q -l quiet -d 'Only data and errors: no notes, hints or progress on stderr'
complete -c scimctl -n "__fish_scimctl_using_subcommand audit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c scimctl -n "__fish_scimctl_using_subcommand audit" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l url -d 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l token-file -d 'Read the bearer token from FILE (first line; the file should be private to you)' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l profile -d 'Use the named profile from the configuration file' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l config -d 'Configuration file [default: the platform config dir\'s scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l provider -d 'The service provider\'s rules to apply [default: detected from the URL]' -r -f -a "generic\t''
pulumi\t''
github-emu\t''
aws\t''
slack\t''
atlassian\t''
okta\t''
entra\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l timeout -d 'Seconds to wait for each request [default: 30]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l max-retries -d 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l max-scan -d 'Read at most N users when no proven filter can answer a lookup; 0 reads them all [default: 10000]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l deadline -d 'End the whole command within SECONDS: requests, retries, Retry-After waits and pages [default: no overall limit; each request still has --timeout]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l max-users -d 'Read at most N users in one listing or scan [default: twice the server\'s totalResults plus 1000, so a server that never stops sending users is stopped]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l ca-cert -d 'Trust this PEM certificate (a private CA) besides the platform\'s roots' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'Tables for people'
json\t'One JSON document with "version": 1'
ndjson\t'One JSON object per line, streamed'"
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l jq -d 'Filter the JSON output through a jq expression, as gh does: strings print as they are, other values as compact JSON, one per line [implies -o json]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l token-stdin -d 'Read the bearer token from standard input'
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l insecure-http -d 'Allow sending the token over plain http:// to a host that is not this machine'
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l wide -d 'Show every table column whole, however wide the terminal'
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l no-input -d 'Never prompt; fail instead where input would be needed'
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -s v -l verbose -d 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies'
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -s q -l quiet -d 'Only data and errors: no notes, hints or progress on stderr'
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -f -a "login" -d 'Store the token for a profile and write the profile (its URL) in the configuration file'
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -f -a "status" -d 'Show each connection setting (profile, url, token, provider) and where it comes from'
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -f -a "logout" -d 'Remove the token stored for a profile (the profile\'s url stays)'
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l store -d 'Where to keep the token: the OS keyring, the credentials file, or the keyring where there is one and the file otherwise' -r -f -a "auto\t''
keyring\t''
file\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l url -d 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l token-file -d 'Read the bearer token from FILE (first line; the file should be private to you)' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l profile -d 'Use the named profile from the configuration file' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l config -d 'Configuration file [default: the platform config dir\'s scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l provider -d 'The service provider\'s rules to apply [default: detected from the URL]' -r -f -a "generic\t''
pulumi\t''
github-emu\t''
aws\t''
slack\t''
atlassian\t''
okta\t''
entra\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l timeout -d 'Seconds to wait for each request [default: 30]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l max-retries -d 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l max-scan -d 'Read at most N users when no proven filter can answer a lookup; 0 reads them all [default: 10000]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l deadline -d 'End the whole command within SECONDS: requests, retries, Retry-After waits and pages [default: no overall limit; each request still has --timeout]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l max-users -d 'Read at most N users in one listing or scan [default: twice the server\'s totalResults plus 1000, so a server that never stops sending users is stopped]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l ca-cert -d 'Trust this PEM certificate (a private CA) besides the platform\'s roots' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from login" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'Tables for people'
json\t'One JSON document with "version": 1'
ndjson\t'One JSON object per line, streamed'"
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l jq -d 'Filter the JSON output through a jq expression, as gh does: strings print as they are, other values as compact JSON, one per line [implies -o json]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l with-token -d 'Read the token from standard input instead of a prompt'
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l token-stdin -d 'Read the bearer token from standard input'
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l insecure-http -d 'Allow sending the token over plain http:// to a host that is not this machine'
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l wide -d 'Show every table column whole, however wide the terminal'
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l no-input -d 'Never prompt; fail instead where input would be needed'
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from login" -s v -l verbose -d 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies'
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from login" -s q -l quiet -d 'Only data and errors: no notes, hints or progress on stderr'
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from login" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from login" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l url -d 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l token-file -d 'Read the bearer token from FILE (first line; the file should be private to you)' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l profile -d 'Use the named profile from the configuration file' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l config -d 'Configuration file [default: the platform config dir\'s scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l provider -d 'The service provider\'s rules to apply [default: detected from the URL]' -r -f -a "generic\t''
pulumi\t''
github-emu\t''
aws\t''
slack\t''
atlassian\t''
okta\t''
entra\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l timeout -d 'Seconds to wait for each request [default: 30]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l max-retries -d 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l max-scan -d 'Read at most N users when no proven filter can answer a lookup; 0 reads them all [default: 10000]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l deadline -d 'End the whole command within SECONDS: requests, retries, Retry-After waits and pages [default: no overall limit; each request still has --timeout]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l max-users -d 'Read at most N users in one listing or scan [default: twice the server\'s totalResults plus 1000, so a server that never stops sending users is stopped]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l ca-cert -d 'Trust this PEM certificate (a private CA) besides the platform\'s roots' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from status" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'Tables for people'
json\t'One JSON document with "version": 1'
ndjson\t'One JSON object per line, streamed'"
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l jq -d 'Filter the JSON output through a jq expression, as gh does: strings print as they are, other values as compact JSON, one per line [implies -o json]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l token-stdin -d 'Read the bearer token from standard input'
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l insecure-http -d 'Allow sending the token over plain http:// to a host that is not this machine'
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l wide -d 'Show every table column whole, however wide the terminal'
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l no-input -d 'Never prompt; fail instead where input would be needed'
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from status" -s v -l verbose -d 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies'
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Only data and errors: no notes, hints or progress on stderr'
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -l url -d 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -l token-file -d 'Read the bearer token from FILE (first line; the file should be private to you)' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -l profile -d 'Use the named profile from the configuration file' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -l config -d 'Configuration file [default: the platform config dir\'s scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -l provider -d 'The service provider\'s rules to apply [default: detected from the URL]' -r -f -a "generic\t''
pulumi\t''
github-emu\t''
aws\t''
slack\t''
atlassian\t''
okta\t''
entra\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -l timeout -d 'Seconds to wait for each request [default: 30]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -l max-retries -d 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -l max-scan -d 'Read at most N users when no proven filter can answer a lookup; 0 reads them all [default: 10000]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -l deadline -d 'End the whole command within SECONDS: requests, retries, Retry-After waits and pages [default: no overall limit; each request still has --timeout]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -l max-users -d 'Read at most N users in one listing or scan [default: twice the server\'s totalResults plus 1000, so a server that never stops sending users is stopped]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -l ca-cert -d 'Trust this PEM certificate (a private CA) besides the platform\'s roots' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'Tables for people'
json\t'One JSON document with "version": 1'
ndjson\t'One JSON object per line, streamed'"
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -l jq -d 'Filter the JSON output through a jq expression, as gh does: strings print as they are, other values as compact JSON, one per line [implies -o json]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -l token-stdin -d 'Read the bearer token from standard input'
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -l insecure-http -d 'Allow sending the token over plain http:// to a host that is not this machine'
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -l wide -d 'Show every table column whole, however wide the terminal'
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -l no-input -d 'Never prompt; fail instead where input would be needed'
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -s v -l verbose -d 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies'
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -s q -l quiet -d 'Only data and errors: no notes, hints or progress on stderr'
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "login" -d 'Store the token for a profile and write the profile (its URL) in the configuration file'
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "status" -d 'Show each connection setting (profile, url, token, provider) and where it comes from'
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "logout" -d 'Remove the token stored for a profile (the profile\'s url stays)'
complete -c scimctl -n "__fish_scimctl_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c scimctl -n "__fish_scimctl_using_subcommand doctor" -l url -d 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand doctor" -l token-file -d 'Read the bearer token from FILE (first line; the file should be private to you)' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand doctor" -l profile -d 'Use the named profile from the configuration file' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand doctor" -l config -d 'Configuration file [default: the platform config dir\'s scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand doctor" -l provider -d 'The service provider\'s rules to apply [default: detected from the URL]' -r -f -a "generic\t''
pulumi\t''
github-emu\t''
aws\t''
slack\t''
atlassian\t''
okta\t''
entra\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand doctor" -l timeout -d 'Seconds to wait for each request [default: 30]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand doctor" -l max-retries -d 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand doctor" -l max-scan -d 'Read at most N users when no proven filter can answer a lookup; 0 reads them all [default: 10000]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand doctor" -l deadline -d 'End the whole command within SECONDS: requests, retries, Retry-After waits and pages [default: no overall limit; each request still has --timeout]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand doctor" -l max-users -d 'Read at most N users in one listing or scan [default: twice the server\'s totalResults plus 1000, so a server that never stops sending users is stopped]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand doctor" -l ca-cert -d 'Trust this PEM certificate (a private CA) besides the platform\'s roots' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand doctor" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'Tables for people'
json\t'One JSON document with "version": 1'
ndjson\t'One JSON object per line, streamed'"
complete -c scimctl -n "__fish_scimctl_using_subcommand doctor" -l jq -d 'Filter the JSON output through a jq expression, as gh does: strings print as they are, other values as compact JSON, one per line [implies -o json]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand doctor" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand doctor" -l token-stdin -d 'Read the bearer token from standard input'
complete -c scimctl -n "__fish_scimctl_using_subcommand doctor" -l insecure-http -d 'Allow sending the token over plain http:// to a host that is not this machine'
complete -c scimctl -n "__fish_scimctl_using_subcommand doctor" -l wide -d 'Show every table column whole, however wide the terminal'
complete -c scimctl -n "__fish_scimctl_using_subcommand doctor" -l no-input -d 'Never prompt; fail instead where input would be needed'
complete -c scimctl -n "__fish_scimctl_using_subcommand doctor" -s v -l verbose -d 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies'
complete -c scimctl -n "__fish_scimctl_using_subcommand doctor" -s q -l quiet -d 'Only data and errors: no notes, hints or progress on stderr'
complete -c scimctl -n "__fish_scimctl_using_subcommand doctor" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c scimctl -n "__fish_scimctl_using_subcommand doctor" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand sandbox" -l host -d 'Address to listen on (loopback unless you say otherwise)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand sandbox" -l port -d 'Port to listen on; 0 picks a free one [default: the port --state recorded, else a free one]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand sandbox" -l tenant -d 'A tenant to serve under /scim/v2/NAME (repeatable; the seed\'s tenants are added)' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand sandbox" -l seed -d 'Accounts to start with (JSON; see README "Sandbox seed files")' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand sandbox" -l state -d 'Keep state in FILE: loaded at start, every change saved before it is acknowledged, and the port, which a restart without --port serves on again' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand sandbox" -l generate -d 'Start with N made-up, realistic users besides the seed\'s, spread over the tenants' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand sandbox" -l generate-seed -d 'The seed --generate draws from: the same seed gives the same users [default: 1]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand sandbox" -l latency -d 'Answer every request MS milliseconds late, like a service across the internet' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand sandbox" -l rate-limit -d 'Per-tenant limit: N/s, N/min or N/h for every request, or \'default\' for the --provider\'s documented limits; excess requests get 429 with Retry-After [default: no limit]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand sandbox" -l url -d 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand sandbox" -l token-file -d 'Read the bearer token from FILE (first line; the file should be private to you)' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand sandbox" -l profile -d 'Use the named profile from the configuration file' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand sandbox" -l config -d 'Configuration file [default: the platform config dir\'s scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand sandbox" -l provider -d 'The service provider\'s rules to apply [default: detected from the URL]' -r -f -a "generic\t''
pulumi\t''
github-emu\t''
aws\t''
slack\t''
atlassian\t''
okta\t''
entra\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand sandbox" -l timeout -d 'Seconds to wait for each request [default: 30]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand sandbox" -l max-retries -d 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand sandbox" -l max-scan -d 'Read at most N users when no proven filter can answer a lookup; 0 reads them all [default: 10000]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand sandbox" -l deadline -d 'End the whole command within SECONDS: requests, retries, Retry-After waits and pages [default: no overall limit; each request still has --timeout]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand sandbox" -l max-users -d 'Read at most N users in one listing or scan [default: twice the server\'s totalResults plus 1000, so a server that never stops sending users is stopped]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand sandbox" -l ca-cert -d 'Trust this PEM certificate (a private CA) besides the platform\'s roots' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand sandbox" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'Tables for people'
json\t'One JSON document with "version": 1'
ndjson\t'One JSON object per line, streamed'"
complete -c scimctl -n "__fish_scimctl_using_subcommand sandbox" -l jq -d 'Filter the JSON output through a jq expression, as gh does: strings print as they are, other values as compact JSON, one per line [implies -o json]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand sandbox" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand sandbox" -l token-stdin -d 'Read the bearer token from standard input'
complete -c scimctl -n "__fish_scimctl_using_subcommand sandbox" -l insecure-http -d 'Allow sending the token over plain http:// to a host that is not this machine'
complete -c scimctl -n "__fish_scimctl_using_subcommand sandbox" -l wide -d 'Show every table column whole, however wide the terminal'
complete -c scimctl -n "__fish_scimctl_using_subcommand sandbox" -l no-input -d 'Never prompt; fail instead where input would be needed'
complete -c scimctl -n "__fish_scimctl_using_subcommand sandbox" -s v -l verbose -d 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies'
complete -c scimctl -n "__fish_scimctl_using_subcommand sandbox" -s q -l quiet -d 'Only data and errors: no notes, hints or progress on stderr'
complete -c scimctl -n "__fish_scimctl_using_subcommand sandbox" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c scimctl -n "__fish_scimctl_using_subcommand sandbox" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand demo" -l url -d 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand demo" -l token-file -d 'Read the bearer token from FILE (first line; the file should be private to you)' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand demo" -l profile -d 'Use the named profile from the configuration file' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand demo" -l config -d 'Configuration file [default: the platform config dir\'s scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand demo" -l provider -d 'The service provider\'s rules to apply [default: detected from the URL]' -r -f -a "generic\t''
pulumi\t''
github-emu\t''
aws\t''
slack\t''
atlassian\t''
okta\t''
entra\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand demo" -l timeout -d 'Seconds to wait for each request [default: 30]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand demo" -l max-retries -d 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand demo" -l max-scan -d 'Read at most N users when no proven filter can answer a lookup; 0 reads them all [default: 10000]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand demo" -l deadline -d 'End the whole command within SECONDS: requests, retries, Retry-After waits and pages [default: no overall limit; each request still has --timeout]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand demo" -l max-users -d 'Read at most N users in one listing or scan [default: twice the server\'s totalResults plus 1000, so a server that never stops sending users is stopped]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand demo" -l ca-cert -d 'Trust this PEM certificate (a private CA) besides the platform\'s roots' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand demo" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'Tables for people'
json\t'One JSON document with "version": 1'
ndjson\t'One JSON object per line, streamed'"
complete -c scimctl -n "__fish_scimctl_using_subcommand demo" -l jq -d 'Filter the JSON output through a jq expression, as gh does: strings print as they are, other values as compact JSON, one per line [implies -o json]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand demo" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand demo" -l token-stdin -d 'Read the bearer token from standard input'
complete -c scimctl -n "__fish_scimctl_using_subcommand demo" -l insecure-http -d 'Allow sending the token over plain http:// to a host that is not this machine'
complete -c scimctl -n "__fish_scimctl_using_subcommand demo" -l wide -d 'Show every table column whole, however wide the terminal'
complete -c scimctl -n "__fish_scimctl_using_subcommand demo" -l no-input -d 'Never prompt; fail instead where input would be needed'
complete -c scimctl -n "__fish_scimctl_using_subcommand demo" -s v -l verbose -d 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies'
complete -c scimctl -n "__fish_scimctl_using_subcommand demo" -s q -l quiet -d 'Only data and errors: no notes, hints or progress on stderr'
complete -c scimctl -n "__fish_scimctl_using_subcommand demo" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c scimctl -n "__fish_scimctl_using_subcommand demo" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand completions" -l url -d 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand completions" -l token-file -d 'Read the bearer token from FILE (first line; the file should be private to you)' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand completions" -l profile -d 'Use the named profile from the configuration file' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand completions" -l config -d 'Configuration file [default: the platform config dir\'s scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand completions" -l provider -d 'The service provider\'s rules to apply [default: detected from the URL]' -r -f -a "generic\t''
pulumi\t''
github-emu\t''
aws\t''
slack\t''
atlassian\t''
okta\t''
entra\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand completions" -l timeout -d 'Seconds to wait for each request [default: 30]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand completions" -l max-retries -d 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand completions" -l max-scan -d 'Read at most N users when no proven filter can answer a lookup; 0 reads them all [default: 10000]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand completions" -l deadline -d 'End the whole command within SECONDS: requests, retries, Retry-After waits and pages [default: no overall limit; each request still has --timeout]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand completions" -l max-users -d 'Read at most N users in one listing or scan [default: twice the server\'s totalResults plus 1000, so a server that never stops sending users is stopped]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand completions" -l ca-cert -d 'Trust this PEM certificate (a private CA) besides the platform\'s roots' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand completions" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'Tables for people'
json\t'One JSON document with "version": 1'
ndjson\t'One JSON object per line, streamed'"
complete -c scimctl -n "__fish_scimctl_using_subcommand completions" -l jq -d 'Filter the JSON output through a jq expression, as gh does: strings print as they are, other values as compact JSON, one per line [implies -o json]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand completions" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand completions" -l token-stdin -d 'Read the bearer token from standard input'
complete -c scimctl -n "__fish_scimctl_using_subcommand completions" -l insecure-http -d 'Allow sending the token over plain http:// to a host that is not this machine'
complete -c scimctl -n "__fish_scimctl_using_subcommand completions" -l wide -d 'Show every table column whole, however wide the terminal'
complete -c scimctl -n "__fish_scimctl_using_subcommand completions" -l no-input -d 'Never prompt; fail instead where input would be needed'
complete -c scimctl -n "__fish_scimctl_using_subcommand completions" -s v -l verbose -d 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies'
complete -c scimctl -n "__fish_scimctl_using_subcommand completions" -s q -l quiet -d 'Only data and errors: no notes, hints or progress on stderr'
complete -c scimctl -n "__fish_scimctl_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c scimctl -n "__fish_scimctl_using_subcommand completions" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand man" -l dir -d 'Write scimctl.1 and a page per subcommand into DIR (created if missing)' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand man" -l url -d 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand man" -l token-file -d 'Read the bearer token from FILE (first line; the file should be private to you)' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand man" -l profile -d 'Use the named profile from the configuration file' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand man" -l config -d 'Configuration file [default: the platform config dir\'s scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand man" -l provider -d 'The service provider\'s rules to apply [default: detected from the URL]' -r -f -a "generic\t''
pulumi\t''
github-emu\t''
aws\t''
slack\t''
atlassian\t''
okta\t''
entra\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand man" -l timeout -d 'Seconds to wait for each request [default: 30]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand man" -l max-retries -d 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand man" -l max-scan -d 'Read at most N users when no proven filter can answer a lookup; 0 reads them all [default: 10000]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand man" -l deadline -d 'End the whole command within SECONDS: requests, retries, Retry-After waits and pages [default: no overall limit; each request still has --timeout]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand man" -l max-users -d 'Read at most N users in one listing or scan [default: twice the server\'s totalResults plus 1000, so a server that never stops sending users is stopped]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand man" -l ca-cert -d 'Trust this PEM certificate (a private CA) besides the platform\'s roots' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand man" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'Tables for people'
json\t'One JSON document with "version": 1'
ndjson\t'One JSON object per line, streamed'"
complete -c scimctl -n "__fish_scimctl_using_subcommand man" -l jq -d 'Filter the JSON output through a jq expression, as gh does: strings print as they are, other values as compact JSON, one per line [implies -o json]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand man" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand man" -l token-stdin -d 'Read the bearer token from standard input'
complete -c scimctl -n "__fish_scimctl_using_subcommand man" -l insecure-http -d 'Allow sending the token over plain http:// to a host that is not this machine'
complete -c scimctl -n "__fish_scimctl_using_subcommand man" -l wide -d 'Show every table column whole, however wide the terminal'
complete -c scimctl -n "__fish_scimctl_using_subcommand man" -l no-input -d 'Never prompt; fail instead where input would be needed'
complete -c scimctl -n "__fish_scimctl_using_subcommand man" -s v -l verbose -d 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies'
complete -c scimctl -n "__fish_scimctl_using_subcommand man" -s q -l quiet -d 'Only data and errors: no notes, hints or progress on stderr'
complete -c scimctl -n "__fish_scimctl_using_subcommand man" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c scimctl -n "__fish_scimctl_using_subcommand man" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand options" -l url -d 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand options" -l token-file -d 'Read the bearer token from FILE (first line; the file should be private to you)' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand options" -l profile -d 'Use the named profile from the configuration file' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand options" -l config -d 'Configuration file [default: the platform config dir\'s scimctl/config.toml]' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand options" -l provider -d 'The service provider\'s rules to apply [default: detected from the URL]' -r -f -a "generic\t''
pulumi\t''
github-emu\t''
aws\t''
slack\t''
atlassian\t''
okta\t''
entra\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand options" -l timeout -d 'Seconds to wait for each request [default: 30]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand options" -l max-retries -d 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand options" -l max-scan -d 'Read at most N users when no proven filter can answer a lookup; 0 reads them all [default: 10000]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand options" -l deadline -d 'End the whole command within SECONDS: requests, retries, Retry-After waits and pages [default: no overall limit; each request still has --timeout]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand options" -l max-users -d 'Read at most N users in one listing or scan [default: twice the server\'s totalResults plus 1000, so a server that never stops sending users is stopped]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand options" -l ca-cert -d 'Trust this PEM certificate (a private CA) besides the platform\'s roots' -r -F
complete -c scimctl -n "__fish_scimctl_using_subcommand options" -s o -l output -d 'Output format for data on stdout' -r -f -a "table\t'Tables for people'
json\t'One JSON document with "version": 1'
ndjson\t'One JSON object per line, streamed'"
complete -c scimctl -n "__fish_scimctl_using_subcommand options" -l jq -d 'Filter the JSON output through a jq expression, as gh does: strings print as they are, other values as compact JSON, one per line [implies -o json]' -r
complete -c scimctl -n "__fish_scimctl_using_subcommand options" -l color -d 'When to use colour (NO_COLOR is honoured in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c scimctl -n "__fish_scimctl_using_subcommand options" -l token-stdin -d 'Read the bearer token from standard input'
complete -c scimctl -n "__fish_scimctl_using_subcommand options" -l insecure-http -d 'Allow sending the token over plain http:// to a host that is not this machine'
complete -c scimctl -n "__fish_scimctl_using_subcommand options" -l wide -d 'Show every table column whole, however wide the terminal'
complete -c scimctl -n "__fish_scimctl_using_subcommand options" -l no-input -d 'Never prompt; fail instead where input would be needed'
complete -c scimctl -n "__fish_scimctl_using_subcommand options" -s v -l verbose -d 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies'
complete -c scimctl -n "__fish_scimctl_using_subcommand options" -s q -l quiet -d 'Only data and errors: no notes, hints or progress on stderr'
complete -c scimctl -n "__fish_scimctl_using_subcommand options" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c scimctl -n "__fish_scimctl_using_subcommand options" -s V -l version -d 'Print version'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and not __fish_seen_subcommand_from users diagnose triage resolve rename-user suggest-username release-email link provision journal preflight audit auth doctor sandbox demo completions man options help" -f -a "users" -d 'Find, show and list users on the endpoint'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and not __fish_seen_subcommand_from users diagnose triage resolve rename-user suggest-username release-email link provision journal preflight audit auth doctor sandbox demo completions man options help" -f -a "diagnose" -d 'Explain why provisioning a user got 409: who holds the value, how it collides, what to do'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and not __fish_seen_subcommand_from users diagnose triage resolve rename-user suggest-username release-email link provision journal preflight audit auth doctor sandbox demo completions man options help" -f -a "triage" -d 'Diagnose every provisioning failure in an identity provider\'s export at once'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and not __fish_seen_subcommand_from users diagnose triage resolve rename-user suggest-username release-email link provision journal preflight audit auth doctor sandbox demo completions man options help" -f -a "resolve" -d 'Walk through a 409 at the terminal: diagnose, choose a fix, see the plan, confirm, apply, verify'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and not __fish_seen_subcommand_from users diagnose triage resolve rename-user suggest-username release-email link provision journal preflight audit auth doctor sandbox demo completions man options help" -f -a "rename-user" -d 'Rename the userName of the account that holds it, to free it for the incoming user'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and not __fish_seen_subcommand_from users diagnose triage resolve rename-user suggest-username release-email link provision journal preflight audit auth doctor sandbox demo completions man options help" -f -a "suggest-username" -d 'Suggest userNames that the endpoint confirms are free'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and not __fish_seen_subcommand_from users diagnose triage resolve rename-user suggest-username release-email link provision journal preflight audit auth doctor sandbox demo completions man options help" -f -a "release-email" -d 'Release an email from the account that holds it, keeping its other emails'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and not __fish_seen_subcommand_from users diagnose triage resolve rename-user suggest-username release-email link provision journal preflight audit auth doctor sandbox demo completions man options help" -f -a "link" -d 'Bind an existing account to the incoming identity, so the identity provider updates it'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and not __fish_seen_subcommand_from users diagnose triage resolve rename-user suggest-username release-email link provision journal preflight audit auth doctor sandbox demo completions man options help" -f -a "provision" -d 'Retry the create the identity provider attempted (one POST, never repeated)'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and not __fish_seen_subcommand_from users diagnose triage resolve rename-user suggest-username release-email link provision journal preflight audit auth doctor sandbox demo completions man options help" -f -a "journal" -d 'The changes scimctl made, and how to undo them'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and not __fish_seen_subcommand_from users diagnose triage resolve rename-user suggest-username release-email link provision journal preflight audit auth doctor sandbox demo completions man options help" -f -a "preflight" -d 'Predict which creates will 409 before the identity provider sends them, with the fix for each'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and not __fish_seen_subcommand_from users diagnose triage resolve rename-user suggest-username release-email link provision journal preflight audit auth doctor sandbox demo completions man options help" -f -a "audit" -d 'Find accounts that collide with each other: case, NFKC, invisible and look-alike letters, shared emails, externalIds'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and not __fish_seen_subcommand_from users diagnose triage resolve rename-user suggest-username release-email link provision journal preflight audit auth doctor sandbox demo completions man options help" -f -a "auth" -d 'Store a profile\'s token in the OS keyring (or a private file), and see where settings come from'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and not __fish_seen_subcommand_from users diagnose triage resolve rename-user suggest-username release-email link provision journal preflight audit auth doctor sandbox demo completions man options help" -f -a "doctor" -d 'Check the endpoint: reachability, TLS, token, which filters work, page cap, ETags, provider'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and not __fish_seen_subcommand_from users diagnose triage resolve rename-user suggest-username release-email link provision journal preflight audit auth doctor sandbox demo completions man options help" -f -a "sandbox" -d 'Run a local SCIM service provider that behaves like a real one, to try scimctl or rehearse a fix'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and not __fish_seen_subcommand_from users diagnose triage resolve rename-user suggest-username release-email link provision journal preflight audit auth doctor sandbox demo completions man options help" -f -a "demo" -d 'A two-second tour: a sandbox with the support page\'s two conflicts, and scimctl at work on it'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and not __fish_seen_subcommand_from users diagnose triage resolve rename-user suggest-username release-email link provision journal preflight audit auth doctor sandbox demo completions man options help" -f -a "completions" -d 'Print a shell completion script'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and not __fish_seen_subcommand_from users diagnose triage resolve rename-user suggest-username release-email link provision journal preflight audit auth doctor sandbox demo completions man options help" -f -a "man" -d 'Print the man page (roff), or write one page per command with --dir'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and not __fish_seen_subcommand_from users diagnose triage resolve rename-user suggest-username release-email link provision journal preflight audit auth doctor sandbox demo completions man options help" -f -a "options" -d 'The options every command takes: the endpoint, the token, limits and output'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and not __fish_seen_subcommand_from users diagnose triage resolve rename-user suggest-username release-email link provision journal preflight audit auth doctor sandbox demo completions man options help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "find" -d 'Find the users holding a userName, email or externalId, or matching a filter'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "get" -d 'Show one user by its SCIM id'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "list" -d 'List users, page by page'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and __fish_seen_subcommand_from journal" -f -a "list" -d 'List the changes scimctl made (in doubt: interrupted before its outcome was recorded)'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and __fish_seen_subcommand_from journal" -f -a "show" -d 'Show one entry: its plan, the values before and after, the endpoint and the outcome'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and __fish_seen_subcommand_from journal" -f -a "undo" -d 'Put back what a journal entry changed, if nothing has changed since'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and __fish_seen_subcommand_from journal" -f -a "settle" -d 'Settle an entry in doubt: read the account back and record whether the change was made'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "login" -d 'Store the token for a profile and write the profile (its URL) in the configuration file'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "status" -d 'Show each connection setting (profile, url, token, provider) and where it comes from'
complete -c scimctl -n "__fish_scimctl_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "logout" -d 'Remove the token stored for a profile (the profile\'s url stays)'

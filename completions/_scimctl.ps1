
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'scimctl' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'scimctl'
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
        'scimctl' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the bearer token from FILE (first line; the file should be private to you)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the named profile from the configuration file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: the platform config dir''s scimctl/config.toml]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'The service provider''s rules to apply [default: detected from the URL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each request [default: 30]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]')
            [CompletionResult]::new('--max-scan', '--max-scan', [CompletionResultType]::ParameterName, 'Read at most N users when no proven filter can answer a lookup; 0 reads them all [default: 10000]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'End the whole command within SECONDS: requests, retries, Retry-After waits and pages [default: no overall limit; each request still has --timeout]')
            [CompletionResult]::new('--max-users', '--max-users', [CompletionResultType]::ParameterName, 'Read at most N users in one listing or scan [default: twice the server''s totalResults plus 1000, so a server that never stops sending users is stopped]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this PEM certificate (a private CA) besides the platform''s roots')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression, as gh does: strings print as they are, other values as compact JSON, one per line [implies -o json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the bearer token from standard input')
            [CompletionResult]::new('--insecure-http', '--insecure-http', [CompletionResultType]::ParameterName, 'Allow sending the token over plain http:// to a host that is not this machine')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column whole, however wide the terminal')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail instead where input would be needed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only data and errors: no notes, hints or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only data and errors: no notes, hints or progress on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('users', 'users', [CompletionResultType]::ParameterValue, 'Find, show and list users on the endpoint')
            [CompletionResult]::new('diagnose', 'diagnose', [CompletionResultType]::ParameterValue, 'Explain why provisioning a user got 409: who holds the value, how it collides, what to do')
            [CompletionResult]::new('triage', 'triage', [CompletionResultType]::ParameterValue, 'Diagnose every provisioning failure in an identity provider''s export at once')
            [CompletionResult]::new('resolve', 'resolve', [CompletionResultType]::ParameterValue, 'Walk through a 409 at the terminal: diagnose, choose a fix, see the plan, confirm, apply, verify')
            [CompletionResult]::new('rename-user', 'rename-user', [CompletionResultType]::ParameterValue, 'Rename the userName of the account that holds it, to free it for the incoming user')
            [CompletionResult]::new('suggest-username', 'suggest-username', [CompletionResultType]::ParameterValue, 'Suggest userNames that the endpoint confirms are free')
            [CompletionResult]::new('release-email', 'release-email', [CompletionResultType]::ParameterValue, 'Release an email from the account that holds it, keeping its other emails')
            [CompletionResult]::new('link', 'link', [CompletionResultType]::ParameterValue, 'Bind an existing account to the incoming identity, so the identity provider updates it')
            [CompletionResult]::new('provision', 'provision', [CompletionResultType]::ParameterValue, 'Retry the create the identity provider attempted (one POST, never repeated)')
            [CompletionResult]::new('journal', 'journal', [CompletionResultType]::ParameterValue, 'The changes scimctl made, and how to undo them')
            [CompletionResult]::new('preflight', 'preflight', [CompletionResultType]::ParameterValue, 'Predict which creates will 409 before the identity provider sends them, with the fix for each')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Find accounts that collide with each other: case, NFKC, invisible and look-alike letters, shared emails, externalIds')
            [CompletionResult]::new('auth', 'auth', [CompletionResultType]::ParameterValue, 'Store a profile''s token in the OS keyring (or a private file), and see where settings come from')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check the endpoint: reachability, TLS, token, which filters work, page cap, ETags, provider')
            [CompletionResult]::new('sandbox', 'sandbox', [CompletionResultType]::ParameterValue, 'Run a local SCIM service provider that behaves like a real one, to try scimctl or rehearse a fix')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'A two-second tour: a sandbox with the support page''s two conflicts, and scimctl at work on it')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff), or write one page per command with --dir')
            [CompletionResult]::new('options', 'options', [CompletionResultType]::ParameterValue, 'The options every command takes: the endpoint, the token, limits and output')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'scimctl;users' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the bearer token from FILE (first line; the file should be private to you)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the named profile from the configuration file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: the platform config dir''s scimctl/config.toml]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'The service provider''s rules to apply [default: detected from the URL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each request [default: 30]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]')
            [CompletionResult]::new('--max-scan', '--max-scan', [CompletionResultType]::ParameterName, 'Read at most N users when no proven filter can answer a lookup; 0 reads them all [default: 10000]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'End the whole command within SECONDS: requests, retries, Retry-After waits and pages [default: no overall limit; each request still has --timeout]')
            [CompletionResult]::new('--max-users', '--max-users', [CompletionResultType]::ParameterName, 'Read at most N users in one listing or scan [default: twice the server''s totalResults plus 1000, so a server that never stops sending users is stopped]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this PEM certificate (a private CA) besides the platform''s roots')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression, as gh does: strings print as they are, other values as compact JSON, one per line [implies -o json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the bearer token from standard input')
            [CompletionResult]::new('--insecure-http', '--insecure-http', [CompletionResultType]::ParameterName, 'Allow sending the token over plain http:// to a host that is not this machine')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column whole, however wide the terminal')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail instead where input would be needed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only data and errors: no notes, hints or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only data and errors: no notes, hints or progress on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('find', 'find', [CompletionResultType]::ParameterValue, 'Find the users holding a userName, email or externalId, or matching a filter')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one user by its SCIM id')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List users, page by page')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'scimctl;users;find' {
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'The userName to look for (compared ignoring case)')
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'The email to look for, in any of a user''s emails')
            [CompletionResult]::new('--external-id', '--external-id', [CompletionResultType]::ParameterName, 'The externalId to look for (compared exactly)')
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'A raw SCIM filter')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Show at most N users')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the bearer token from FILE (first line; the file should be private to you)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the named profile from the configuration file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: the platform config dir''s scimctl/config.toml]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'The service provider''s rules to apply [default: detected from the URL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each request [default: 30]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]')
            [CompletionResult]::new('--max-scan', '--max-scan', [CompletionResultType]::ParameterName, 'Read at most N users when no proven filter can answer a lookup; 0 reads them all [default: 10000]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'End the whole command within SECONDS: requests, retries, Retry-After waits and pages [default: no overall limit; each request still has --timeout]')
            [CompletionResult]::new('--max-users', '--max-users', [CompletionResultType]::ParameterName, 'Read at most N users in one listing or scan [default: twice the server''s totalResults plus 1000, so a server that never stops sending users is stopped]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this PEM certificate (a private CA) besides the platform''s roots')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression, as gh does: strings print as they are, other values as compact JSON, one per line [implies -o json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the bearer token from standard input')
            [CompletionResult]::new('--insecure-http', '--insecure-http', [CompletionResultType]::ParameterName, 'Allow sending the token over plain http:// to a host that is not this machine')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column whole, however wide the terminal')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail instead where input would be needed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only data and errors: no notes, hints or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only data and errors: no notes, hints or progress on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;users;get' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the bearer token from FILE (first line; the file should be private to you)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the named profile from the configuration file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: the platform config dir''s scimctl/config.toml]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'The service provider''s rules to apply [default: detected from the URL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each request [default: 30]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]')
            [CompletionResult]::new('--max-scan', '--max-scan', [CompletionResultType]::ParameterName, 'Read at most N users when no proven filter can answer a lookup; 0 reads them all [default: 10000]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'End the whole command within SECONDS: requests, retries, Retry-After waits and pages [default: no overall limit; each request still has --timeout]')
            [CompletionResult]::new('--max-users', '--max-users', [CompletionResultType]::ParameterName, 'Read at most N users in one listing or scan [default: twice the server''s totalResults plus 1000, so a server that never stops sending users is stopped]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this PEM certificate (a private CA) besides the platform''s roots')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression, as gh does: strings print as they are, other values as compact JSON, one per line [implies -o json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the bearer token from standard input')
            [CompletionResult]::new('--insecure-http', '--insecure-http', [CompletionResultType]::ParameterName, 'Allow sending the token over plain http:// to a host that is not this machine')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column whole, however wide the terminal')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail instead where input would be needed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only data and errors: no notes, hints or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only data and errors: no notes, hints or progress on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;users;list' {
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'A SCIM filter (RFC 7644 §3.4.2.2), checked before it is sent')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'List at most N users')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the bearer token from FILE (first line; the file should be private to you)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the named profile from the configuration file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: the platform config dir''s scimctl/config.toml]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'The service provider''s rules to apply [default: detected from the URL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each request [default: 30]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]')
            [CompletionResult]::new('--max-scan', '--max-scan', [CompletionResultType]::ParameterName, 'Read at most N users when no proven filter can answer a lookup; 0 reads them all [default: 10000]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'End the whole command within SECONDS: requests, retries, Retry-After waits and pages [default: no overall limit; each request still has --timeout]')
            [CompletionResult]::new('--max-users', '--max-users', [CompletionResultType]::ParameterName, 'Read at most N users in one listing or scan [default: twice the server''s totalResults plus 1000, so a server that never stops sending users is stopped]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this PEM certificate (a private CA) besides the platform''s roots')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression, as gh does: strings print as they are, other values as compact JSON, one per line [implies -o json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the bearer token from standard input')
            [CompletionResult]::new('--insecure-http', '--insecure-http', [CompletionResultType]::ParameterName, 'Allow sending the token over plain http:// to a host that is not this machine')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column whole, however wide the terminal')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail instead where input would be needed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only data and errors: no notes, hints or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only data and errors: no notes, hints or progress on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;users;help' {
            [CompletionResult]::new('find', 'find', [CompletionResultType]::ParameterValue, 'Find the users holding a userName, email or externalId, or matching a filter')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one user by its SCIM id')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List users, page by page')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'scimctl;users;help;find' {
            break
        }
        'scimctl;users;help;get' {
            break
        }
        'scimctl;users;help;list' {
            break
        }
        'scimctl;users;help;help' {
            break
        }
        'scimctl;diagnose' {
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'The userName the identity provider sent')
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'An email the identity provider sent (repeatable)')
            [CompletionResult]::new('--external-id', '--external-id', [CompletionResultType]::ParameterName, 'The externalId the identity provider sent')
            [CompletionResult]::new('--payload', '--payload', [CompletionResultType]::ParameterName, 'The SCIM User the identity provider tried to create (JSON file, or - for stdin; at most 1,000 emails)')
            [CompletionResult]::new('--error', '--error', [CompletionResultType]::ParameterName, 'The identity provider''s error: the text itself, @FILE, or - for stdin')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the bearer token from FILE (first line; the file should be private to you)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the named profile from the configuration file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: the platform config dir''s scimctl/config.toml]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'The service provider''s rules to apply [default: detected from the URL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each request [default: 30]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]')
            [CompletionResult]::new('--max-scan', '--max-scan', [CompletionResultType]::ParameterName, 'Read at most N users when no proven filter can answer a lookup; 0 reads them all [default: 10000]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'End the whole command within SECONDS: requests, retries, Retry-After waits and pages [default: no overall limit; each request still has --timeout]')
            [CompletionResult]::new('--max-users', '--max-users', [CompletionResultType]::ParameterName, 'Read at most N users in one listing or scan [default: twice the server''s totalResults plus 1000, so a server that never stops sending users is stopped]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this PEM certificate (a private CA) besides the platform''s roots')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression, as gh does: strings print as they are, other values as compact JSON, one per line [implies -o json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--deep', '--deep', [CompletionResultType]::ParameterName, 'Also read every user, to catch stored values that collide only once normalised')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the bearer token from standard input')
            [CompletionResult]::new('--insecure-http', '--insecure-http', [CompletionResultType]::ParameterName, 'Allow sending the token over plain http:// to a host that is not this machine')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column whole, however wide the terminal')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail instead where input would be needed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only data and errors: no notes, hints or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only data and errors: no notes, hints or progress on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;triage' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Read the files as this format instead of detecting it from their content')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only failures at or after TIME (2026-11-20, or 2026-11-20T09:00:00Z)')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Only failures before TIME')
            [CompletionResult]::new('--plan', '--plan', [CompletionResultType]::ParameterName, 'Write every recommended fix that can run as one batch plan (JSON) to FILE')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the bearer token from FILE (first line; the file should be private to you)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the named profile from the configuration file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: the platform config dir''s scimctl/config.toml]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'The service provider''s rules to apply [default: detected from the URL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each request [default: 30]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]')
            [CompletionResult]::new('--max-scan', '--max-scan', [CompletionResultType]::ParameterName, 'Read at most N users when no proven filter can answer a lookup; 0 reads them all [default: 10000]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'End the whole command within SECONDS: requests, retries, Retry-After waits and pages [default: no overall limit; each request still has --timeout]')
            [CompletionResult]::new('--max-users', '--max-users', [CompletionResultType]::ParameterName, 'Read at most N users in one listing or scan [default: twice the server''s totalResults plus 1000, so a server that never stops sending users is stopped]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this PEM certificate (a private CA) besides the platform''s roots')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression, as gh does: strings print as they are, other values as compact JSON, one per line [implies -o json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the bearer token from standard input')
            [CompletionResult]::new('--insecure-http', '--insecure-http', [CompletionResultType]::ParameterName, 'Allow sending the token over plain http:// to a host that is not this machine')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column whole, however wide the terminal')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail instead where input would be needed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only data and errors: no notes, hints or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only data and errors: no notes, hints or progress on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;resolve' {
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'The userName the identity provider sent')
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'An email the identity provider sent (repeatable)')
            [CompletionResult]::new('--external-id', '--external-id', [CompletionResultType]::ParameterName, 'The externalId the identity provider sent')
            [CompletionResult]::new('--payload', '--payload', [CompletionResultType]::ParameterName, 'The SCIM User the identity provider tried to create (JSON file, or - for stdin; at most 1,000 emails)')
            [CompletionResult]::new('--error', '--error', [CompletionResultType]::ParameterName, 'The identity provider''s error: the text itself, @FILE, or - for stdin')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the bearer token from FILE (first line; the file should be private to you)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the named profile from the configuration file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: the platform config dir''s scimctl/config.toml]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'The service provider''s rules to apply [default: detected from the URL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each request [default: 30]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]')
            [CompletionResult]::new('--max-scan', '--max-scan', [CompletionResultType]::ParameterName, 'Read at most N users when no proven filter can answer a lookup; 0 reads them all [default: 10000]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'End the whole command within SECONDS: requests, retries, Retry-After waits and pages [default: no overall limit; each request still has --timeout]')
            [CompletionResult]::new('--max-users', '--max-users', [CompletionResultType]::ParameterName, 'Read at most N users in one listing or scan [default: twice the server''s totalResults plus 1000, so a server that never stops sending users is stopped]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this PEM certificate (a private CA) besides the platform''s roots')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression, as gh does: strings print as they are, other values as compact JSON, one per line [implies -o json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--deep', '--deep', [CompletionResultType]::ParameterName, 'Also read every user, to catch stored values that collide only once normalised')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the bearer token from standard input')
            [CompletionResult]::new('--insecure-http', '--insecure-http', [CompletionResultType]::ParameterName, 'Allow sending the token over plain http:// to a host that is not this machine')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column whole, however wide the terminal')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail instead where input would be needed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only data and errors: no notes, hints or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only data and errors: no notes, hints or progress on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;rename-user' {
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Or the userName to free: the account that holds it is renamed')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The new userName')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the bearer token from FILE (first line; the file should be private to you)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the named profile from the configuration file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: the platform config dir''s scimctl/config.toml]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'The service provider''s rules to apply [default: detected from the URL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each request [default: 30]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]')
            [CompletionResult]::new('--max-scan', '--max-scan', [CompletionResultType]::ParameterName, 'Read at most N users when no proven filter can answer a lookup; 0 reads them all [default: 10000]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'End the whole command within SECONDS: requests, retries, Retry-After waits and pages [default: no overall limit; each request still has --timeout]')
            [CompletionResult]::new('--max-users', '--max-users', [CompletionResultType]::ParameterName, 'Read at most N users in one listing or scan [default: twice the server''s totalResults plus 1000, so a server that never stops sending users is stopped]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this PEM certificate (a private CA) besides the platform''s roots')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression, as gh does: strings print as they are, other values as compact JSON, one per line [implies -o json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and write nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Apply without asking (needed without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Apply without asking (needed without a terminal)')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the bearer token from standard input')
            [CompletionResult]::new('--insecure-http', '--insecure-http', [CompletionResultType]::ParameterName, 'Allow sending the token over plain http:// to a host that is not this machine')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column whole, however wide the terminal')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail instead where input would be needed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only data and errors: no notes, hints or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only data and errors: no notes, hints or progress on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;suggest-username' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'How many free names to suggest')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the bearer token from FILE (first line; the file should be private to you)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the named profile from the configuration file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: the platform config dir''s scimctl/config.toml]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'The service provider''s rules to apply [default: detected from the URL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each request [default: 30]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]')
            [CompletionResult]::new('--max-scan', '--max-scan', [CompletionResultType]::ParameterName, 'Read at most N users when no proven filter can answer a lookup; 0 reads them all [default: 10000]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'End the whole command within SECONDS: requests, retries, Retry-After waits and pages [default: no overall limit; each request still has --timeout]')
            [CompletionResult]::new('--max-users', '--max-users', [CompletionResultType]::ParameterName, 'Read at most N users in one listing or scan [default: twice the server''s totalResults plus 1000, so a server that never stops sending users is stopped]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this PEM certificate (a private CA) besides the platform''s roots')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression, as gh does: strings print as they are, other values as compact JSON, one per line [implies -o json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the bearer token from standard input')
            [CompletionResult]::new('--insecure-http', '--insecure-http', [CompletionResultType]::ParameterName, 'Allow sending the token over plain http:// to a host that is not this machine')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column whole, however wide the terminal')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail instead where input would be needed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only data and errors: no notes, hints or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only data and errors: no notes, hints or progress on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;release-email' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'The old spelling of HOLDER')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Put this address in its place [default: a placeholder on the same domain]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the bearer token from FILE (first line; the file should be private to you)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the named profile from the configuration file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: the platform config dir''s scimctl/config.toml]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'The service provider''s rules to apply [default: detected from the URL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each request [default: 30]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]')
            [CompletionResult]::new('--max-scan', '--max-scan', [CompletionResultType]::ParameterName, 'Read at most N users when no proven filter can answer a lookup; 0 reads them all [default: 10000]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'End the whole command within SECONDS: requests, retries, Retry-After waits and pages [default: no overall limit; each request still has --timeout]')
            [CompletionResult]::new('--max-users', '--max-users', [CompletionResultType]::ParameterName, 'Read at most N users in one listing or scan [default: twice the server''s totalResults plus 1000, so a server that never stops sending users is stopped]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this PEM certificate (a private CA) besides the platform''s roots')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression, as gh does: strings print as they are, other values as compact JSON, one per line [implies -o json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--remove', '--remove', [CompletionResultType]::ParameterName, 'Drop the address instead (unless it is the account''s only one)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and write nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Apply without asking (needed without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Apply without asking (needed without a terminal)')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the bearer token from standard input')
            [CompletionResult]::new('--insecure-http', '--insecure-http', [CompletionResultType]::ParameterName, 'Allow sending the token over plain http:// to a host that is not this machine')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column whole, however wide the terminal')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail instead where input would be needed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only data and errors: no notes, hints or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only data and errors: no notes, hints or progress on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;link' {
            [CompletionResult]::new('--payload', '--payload', [CompletionResultType]::ParameterName, 'The SCIM User the identity provider tried to create (JSON file, or - for stdin; at most 1,000 emails)')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'The incoming userName, set on the holder (overrides the payload''s)')
            [CompletionResult]::new('--external-id', '--external-id', [CompletionResultType]::ParameterName, 'The incoming externalId, set on the holder (overrides the payload''s)')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the bearer token from FILE (first line; the file should be private to you)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the named profile from the configuration file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: the platform config dir''s scimctl/config.toml]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'The service provider''s rules to apply [default: detected from the URL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each request [default: 30]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]')
            [CompletionResult]::new('--max-scan', '--max-scan', [CompletionResultType]::ParameterName, 'Read at most N users when no proven filter can answer a lookup; 0 reads them all [default: 10000]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'End the whole command within SECONDS: requests, retries, Retry-After waits and pages [default: no overall limit; each request still has --timeout]')
            [CompletionResult]::new('--max-users', '--max-users', [CompletionResultType]::ParameterName, 'Read at most N users in one listing or scan [default: twice the server''s totalResults plus 1000, so a server that never stops sending users is stopped]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this PEM certificate (a private CA) besides the platform''s roots')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression, as gh does: strings print as they are, other values as compact JSON, one per line [implies -o json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--activate', '--activate', [CompletionResultType]::ParameterName, 'Also set active=true')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and write nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Apply without asking (needed without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Apply without asking (needed without a terminal)')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the bearer token from standard input')
            [CompletionResult]::new('--insecure-http', '--insecure-http', [CompletionResultType]::ParameterName, 'Allow sending the token over plain http:// to a host that is not this machine')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column whole, however wide the terminal')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail instead where input would be needed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only data and errors: no notes, hints or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only data and errors: no notes, hints or progress on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;provision' {
            [CompletionResult]::new('--payload', '--payload', [CompletionResultType]::ParameterName, 'The SCIM User the identity provider tried to create (JSON file, or - for stdin; at most 1,000 emails)')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'The incoming userName to create it with (overrides the payload''s)')
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'The incoming primary email to create it with (overrides the payload''s)')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the bearer token from FILE (first line; the file should be private to you)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the named profile from the configuration file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: the platform config dir''s scimctl/config.toml]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'The service provider''s rules to apply [default: detected from the URL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each request [default: 30]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]')
            [CompletionResult]::new('--max-scan', '--max-scan', [CompletionResultType]::ParameterName, 'Read at most N users when no proven filter can answer a lookup; 0 reads them all [default: 10000]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'End the whole command within SECONDS: requests, retries, Retry-After waits and pages [default: no overall limit; each request still has --timeout]')
            [CompletionResult]::new('--max-users', '--max-users', [CompletionResultType]::ParameterName, 'Read at most N users in one listing or scan [default: twice the server''s totalResults plus 1000, so a server that never stops sending users is stopped]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this PEM certificate (a private CA) besides the platform''s roots')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression, as gh does: strings print as they are, other values as compact JSON, one per line [implies -o json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and write nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Apply without asking (needed without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Apply without asking (needed without a terminal)')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the bearer token from standard input')
            [CompletionResult]::new('--insecure-http', '--insecure-http', [CompletionResultType]::ParameterName, 'Allow sending the token over plain http:// to a host that is not this machine')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column whole, however wide the terminal')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail instead where input would be needed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only data and errors: no notes, hints or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only data and errors: no notes, hints or progress on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;journal' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the bearer token from FILE (first line; the file should be private to you)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the named profile from the configuration file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: the platform config dir''s scimctl/config.toml]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'The service provider''s rules to apply [default: detected from the URL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each request [default: 30]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]')
            [CompletionResult]::new('--max-scan', '--max-scan', [CompletionResultType]::ParameterName, 'Read at most N users when no proven filter can answer a lookup; 0 reads them all [default: 10000]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'End the whole command within SECONDS: requests, retries, Retry-After waits and pages [default: no overall limit; each request still has --timeout]')
            [CompletionResult]::new('--max-users', '--max-users', [CompletionResultType]::ParameterName, 'Read at most N users in one listing or scan [default: twice the server''s totalResults plus 1000, so a server that never stops sending users is stopped]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this PEM certificate (a private CA) besides the platform''s roots')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression, as gh does: strings print as they are, other values as compact JSON, one per line [implies -o json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the bearer token from standard input')
            [CompletionResult]::new('--insecure-http', '--insecure-http', [CompletionResultType]::ParameterName, 'Allow sending the token over plain http:// to a host that is not this machine')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column whole, however wide the terminal')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail instead where input would be needed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only data and errors: no notes, hints or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only data and errors: no notes, hints or progress on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the changes scimctl made (in doubt: interrupted before its outcome was recorded)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one entry: its plan, the values before and after, the endpoint and the outcome')
            [CompletionResult]::new('undo', 'undo', [CompletionResultType]::ParameterValue, 'Put back what a journal entry changed, if nothing has changed since')
            [CompletionResult]::new('settle', 'settle', [CompletionResultType]::ParameterValue, 'Settle an entry in doubt: read the account back and record whether the change was made')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'scimctl;journal;list' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Show only the N most recent entries')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the bearer token from FILE (first line; the file should be private to you)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the named profile from the configuration file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: the platform config dir''s scimctl/config.toml]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'The service provider''s rules to apply [default: detected from the URL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each request [default: 30]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]')
            [CompletionResult]::new('--max-scan', '--max-scan', [CompletionResultType]::ParameterName, 'Read at most N users when no proven filter can answer a lookup; 0 reads them all [default: 10000]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'End the whole command within SECONDS: requests, retries, Retry-After waits and pages [default: no overall limit; each request still has --timeout]')
            [CompletionResult]::new('--max-users', '--max-users', [CompletionResultType]::ParameterName, 'Read at most N users in one listing or scan [default: twice the server''s totalResults plus 1000, so a server that never stops sending users is stopped]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this PEM certificate (a private CA) besides the platform''s roots')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression, as gh does: strings print as they are, other values as compact JSON, one per line [implies -o json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the bearer token from standard input')
            [CompletionResult]::new('--insecure-http', '--insecure-http', [CompletionResultType]::ParameterName, 'Allow sending the token over plain http:// to a host that is not this machine')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column whole, however wide the terminal')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail instead where input would be needed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only data and errors: no notes, hints or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only data and errors: no notes, hints or progress on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;journal;show' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the bearer token from FILE (first line; the file should be private to you)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the named profile from the configuration file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: the platform config dir''s scimctl/config.toml]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'The service provider''s rules to apply [default: detected from the URL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each request [default: 30]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]')
            [CompletionResult]::new('--max-scan', '--max-scan', [CompletionResultType]::ParameterName, 'Read at most N users when no proven filter can answer a lookup; 0 reads them all [default: 10000]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'End the whole command within SECONDS: requests, retries, Retry-After waits and pages [default: no overall limit; each request still has --timeout]')
            [CompletionResult]::new('--max-users', '--max-users', [CompletionResultType]::ParameterName, 'Read at most N users in one listing or scan [default: twice the server''s totalResults plus 1000, so a server that never stops sending users is stopped]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this PEM certificate (a private CA) besides the platform''s roots')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression, as gh does: strings print as they are, other values as compact JSON, one per line [implies -o json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the bearer token from standard input')
            [CompletionResult]::new('--insecure-http', '--insecure-http', [CompletionResultType]::ParameterName, 'Allow sending the token over plain http:// to a host that is not this machine')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column whole, however wide the terminal')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail instead where input would be needed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only data and errors: no notes, hints or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only data and errors: no notes, hints or progress on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;journal;undo' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the bearer token from FILE (first line; the file should be private to you)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the named profile from the configuration file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: the platform config dir''s scimctl/config.toml]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'The service provider''s rules to apply [default: detected from the URL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each request [default: 30]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]')
            [CompletionResult]::new('--max-scan', '--max-scan', [CompletionResultType]::ParameterName, 'Read at most N users when no proven filter can answer a lookup; 0 reads them all [default: 10000]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'End the whole command within SECONDS: requests, retries, Retry-After waits and pages [default: no overall limit; each request still has --timeout]')
            [CompletionResult]::new('--max-users', '--max-users', [CompletionResultType]::ParameterName, 'Read at most N users in one listing or scan [default: twice the server''s totalResults plus 1000, so a server that never stops sending users is stopped]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this PEM certificate (a private CA) besides the platform''s roots')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression, as gh does: strings print as they are, other values as compact JSON, one per line [implies -o json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and write nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Apply without asking (needed without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Apply without asking (needed without a terminal)')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the bearer token from standard input')
            [CompletionResult]::new('--insecure-http', '--insecure-http', [CompletionResultType]::ParameterName, 'Allow sending the token over plain http:// to a host that is not this machine')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column whole, however wide the terminal')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail instead where input would be needed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only data and errors: no notes, hints or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only data and errors: no notes, hints or progress on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;journal;settle' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the bearer token from FILE (first line; the file should be private to you)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the named profile from the configuration file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: the platform config dir''s scimctl/config.toml]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'The service provider''s rules to apply [default: detected from the URL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each request [default: 30]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]')
            [CompletionResult]::new('--max-scan', '--max-scan', [CompletionResultType]::ParameterName, 'Read at most N users when no proven filter can answer a lookup; 0 reads them all [default: 10000]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'End the whole command within SECONDS: requests, retries, Retry-After waits and pages [default: no overall limit; each request still has --timeout]')
            [CompletionResult]::new('--max-users', '--max-users', [CompletionResultType]::ParameterName, 'Read at most N users in one listing or scan [default: twice the server''s totalResults plus 1000, so a server that never stops sending users is stopped]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this PEM certificate (a private CA) besides the platform''s roots')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression, as gh does: strings print as they are, other values as compact JSON, one per line [implies -o json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the bearer token from standard input')
            [CompletionResult]::new('--insecure-http', '--insecure-http', [CompletionResultType]::ParameterName, 'Allow sending the token over plain http:// to a host that is not this machine')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column whole, however wide the terminal')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail instead where input would be needed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only data and errors: no notes, hints or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only data and errors: no notes, hints or progress on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;journal;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the changes scimctl made (in doubt: interrupted before its outcome was recorded)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one entry: its plan, the values before and after, the endpoint and the outcome')
            [CompletionResult]::new('undo', 'undo', [CompletionResultType]::ParameterValue, 'Put back what a journal entry changed, if nothing has changed since')
            [CompletionResult]::new('settle', 'settle', [CompletionResultType]::ParameterValue, 'Settle an entry in doubt: read the account back and record whether the change was made')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'scimctl;journal;help;list' {
            break
        }
        'scimctl;journal;help;show' {
            break
        }
        'scimctl;journal;help;undo' {
            break
        }
        'scimctl;journal;help;settle' {
            break
        }
        'scimctl;journal;help;help' {
            break
        }
        'scimctl;preflight' {
            [CompletionResult]::new('--candidates', '--candidates', [CompletionResultType]::ParameterName, 'The users the identity provider will send (CSV, JSON or NDJSON)')
            [CompletionResult]::new('--mapping', '--mapping', [CompletionResultType]::ParameterName, 'Whose default attribute mapping gives the values sent [default: detected from the file]')
            [CompletionResult]::new('--map', '--map', [CompletionResultType]::ParameterName, 'Columns or fields to read instead: userName=COL,email=COL,externalId=COL')
            [CompletionResult]::new('--plan', '--plan', [CompletionResultType]::ParameterName, 'Write every recommended fix that can run as one batch plan (JSON) to FILE')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the bearer token from FILE (first line; the file should be private to you)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the named profile from the configuration file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: the platform config dir''s scimctl/config.toml]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'The service provider''s rules to apply [default: detected from the URL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each request [default: 30]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]')
            [CompletionResult]::new('--max-scan', '--max-scan', [CompletionResultType]::ParameterName, 'Read at most N users when no proven filter can answer a lookup; 0 reads them all [default: 10000]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'End the whole command within SECONDS: requests, retries, Retry-After waits and pages [default: no overall limit; each request still has --timeout]')
            [CompletionResult]::new('--max-users', '--max-users', [CompletionResultType]::ParameterName, 'Read at most N users in one listing or scan [default: twice the server''s totalResults plus 1000, so a server that never stops sending users is stopped]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this PEM certificate (a private CA) besides the platform''s roots')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression, as gh does: strings print as they are, other values as compact JSON, one per line [implies -o json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the bearer token from standard input')
            [CompletionResult]::new('--insecure-http', '--insecure-http', [CompletionResultType]::ParameterName, 'Allow sending the token over plain http:// to a host that is not this machine')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column whole, however wide the terminal')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail instead where input would be needed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only data and errors: no notes, hints or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only data and errors: no notes, hints or progress on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;audit' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the bearer token from FILE (first line; the file should be private to you)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the named profile from the configuration file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: the platform config dir''s scimctl/config.toml]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'The service provider''s rules to apply [default: detected from the URL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each request [default: 30]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]')
            [CompletionResult]::new('--max-scan', '--max-scan', [CompletionResultType]::ParameterName, 'Read at most N users when no proven filter can answer a lookup; 0 reads them all [default: 10000]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'End the whole command within SECONDS: requests, retries, Retry-After waits and pages [default: no overall limit; each request still has --timeout]')
            [CompletionResult]::new('--max-users', '--max-users', [CompletionResultType]::ParameterName, 'Read at most N users in one listing or scan [default: twice the server''s totalResults plus 1000, so a server that never stops sending users is stopped]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this PEM certificate (a private CA) besides the platform''s roots')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression, as gh does: strings print as they are, other values as compact JSON, one per line [implies -o json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the bearer token from standard input')
            [CompletionResult]::new('--insecure-http', '--insecure-http', [CompletionResultType]::ParameterName, 'Allow sending the token over plain http:// to a host that is not this machine')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column whole, however wide the terminal')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail instead where input would be needed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only data and errors: no notes, hints or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only data and errors: no notes, hints or progress on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;auth' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the bearer token from FILE (first line; the file should be private to you)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the named profile from the configuration file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: the platform config dir''s scimctl/config.toml]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'The service provider''s rules to apply [default: detected from the URL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each request [default: 30]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]')
            [CompletionResult]::new('--max-scan', '--max-scan', [CompletionResultType]::ParameterName, 'Read at most N users when no proven filter can answer a lookup; 0 reads them all [default: 10000]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'End the whole command within SECONDS: requests, retries, Retry-After waits and pages [default: no overall limit; each request still has --timeout]')
            [CompletionResult]::new('--max-users', '--max-users', [CompletionResultType]::ParameterName, 'Read at most N users in one listing or scan [default: twice the server''s totalResults plus 1000, so a server that never stops sending users is stopped]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this PEM certificate (a private CA) besides the platform''s roots')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression, as gh does: strings print as they are, other values as compact JSON, one per line [implies -o json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the bearer token from standard input')
            [CompletionResult]::new('--insecure-http', '--insecure-http', [CompletionResultType]::ParameterName, 'Allow sending the token over plain http:// to a host that is not this machine')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column whole, however wide the terminal')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail instead where input would be needed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only data and errors: no notes, hints or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only data and errors: no notes, hints or progress on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Store the token for a profile and write the profile (its URL) in the configuration file')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show each connection setting (profile, url, token, provider) and where it comes from')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Remove the token stored for a profile (the profile''s url stays)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'scimctl;auth;login' {
            [CompletionResult]::new('--store', '--store', [CompletionResultType]::ParameterName, 'Where to keep the token: the OS keyring, the credentials file, or the keyring where there is one and the file otherwise')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the bearer token from FILE (first line; the file should be private to you)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the named profile from the configuration file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: the platform config dir''s scimctl/config.toml]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'The service provider''s rules to apply [default: detected from the URL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each request [default: 30]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]')
            [CompletionResult]::new('--max-scan', '--max-scan', [CompletionResultType]::ParameterName, 'Read at most N users when no proven filter can answer a lookup; 0 reads them all [default: 10000]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'End the whole command within SECONDS: requests, retries, Retry-After waits and pages [default: no overall limit; each request still has --timeout]')
            [CompletionResult]::new('--max-users', '--max-users', [CompletionResultType]::ParameterName, 'Read at most N users in one listing or scan [default: twice the server''s totalResults plus 1000, so a server that never stops sending users is stopped]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this PEM certificate (a private CA) besides the platform''s roots')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression, as gh does: strings print as they are, other values as compact JSON, one per line [implies -o json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--with-token', '--with-token', [CompletionResultType]::ParameterName, 'Read the token from standard input instead of a prompt')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the bearer token from standard input')
            [CompletionResult]::new('--insecure-http', '--insecure-http', [CompletionResultType]::ParameterName, 'Allow sending the token over plain http:// to a host that is not this machine')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column whole, however wide the terminal')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail instead where input would be needed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only data and errors: no notes, hints or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only data and errors: no notes, hints or progress on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;auth;status' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the bearer token from FILE (first line; the file should be private to you)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the named profile from the configuration file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: the platform config dir''s scimctl/config.toml]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'The service provider''s rules to apply [default: detected from the URL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each request [default: 30]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]')
            [CompletionResult]::new('--max-scan', '--max-scan', [CompletionResultType]::ParameterName, 'Read at most N users when no proven filter can answer a lookup; 0 reads them all [default: 10000]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'End the whole command within SECONDS: requests, retries, Retry-After waits and pages [default: no overall limit; each request still has --timeout]')
            [CompletionResult]::new('--max-users', '--max-users', [CompletionResultType]::ParameterName, 'Read at most N users in one listing or scan [default: twice the server''s totalResults plus 1000, so a server that never stops sending users is stopped]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this PEM certificate (a private CA) besides the platform''s roots')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression, as gh does: strings print as they are, other values as compact JSON, one per line [implies -o json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the bearer token from standard input')
            [CompletionResult]::new('--insecure-http', '--insecure-http', [CompletionResultType]::ParameterName, 'Allow sending the token over plain http:// to a host that is not this machine')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column whole, however wide the terminal')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail instead where input would be needed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only data and errors: no notes, hints or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only data and errors: no notes, hints or progress on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;auth;logout' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the bearer token from FILE (first line; the file should be private to you)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the named profile from the configuration file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: the platform config dir''s scimctl/config.toml]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'The service provider''s rules to apply [default: detected from the URL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each request [default: 30]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]')
            [CompletionResult]::new('--max-scan', '--max-scan', [CompletionResultType]::ParameterName, 'Read at most N users when no proven filter can answer a lookup; 0 reads them all [default: 10000]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'End the whole command within SECONDS: requests, retries, Retry-After waits and pages [default: no overall limit; each request still has --timeout]')
            [CompletionResult]::new('--max-users', '--max-users', [CompletionResultType]::ParameterName, 'Read at most N users in one listing or scan [default: twice the server''s totalResults plus 1000, so a server that never stops sending users is stopped]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this PEM certificate (a private CA) besides the platform''s roots')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression, as gh does: strings print as they are, other values as compact JSON, one per line [implies -o json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the bearer token from standard input')
            [CompletionResult]::new('--insecure-http', '--insecure-http', [CompletionResultType]::ParameterName, 'Allow sending the token over plain http:// to a host that is not this machine')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column whole, however wide the terminal')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail instead where input would be needed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only data and errors: no notes, hints or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only data and errors: no notes, hints or progress on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;auth;help' {
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Store the token for a profile and write the profile (its URL) in the configuration file')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show each connection setting (profile, url, token, provider) and where it comes from')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Remove the token stored for a profile (the profile''s url stays)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'scimctl;auth;help;login' {
            break
        }
        'scimctl;auth;help;status' {
            break
        }
        'scimctl;auth;help;logout' {
            break
        }
        'scimctl;auth;help;help' {
            break
        }
        'scimctl;doctor' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the bearer token from FILE (first line; the file should be private to you)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the named profile from the configuration file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: the platform config dir''s scimctl/config.toml]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'The service provider''s rules to apply [default: detected from the URL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each request [default: 30]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]')
            [CompletionResult]::new('--max-scan', '--max-scan', [CompletionResultType]::ParameterName, 'Read at most N users when no proven filter can answer a lookup; 0 reads them all [default: 10000]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'End the whole command within SECONDS: requests, retries, Retry-After waits and pages [default: no overall limit; each request still has --timeout]')
            [CompletionResult]::new('--max-users', '--max-users', [CompletionResultType]::ParameterName, 'Read at most N users in one listing or scan [default: twice the server''s totalResults plus 1000, so a server that never stops sending users is stopped]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this PEM certificate (a private CA) besides the platform''s roots')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression, as gh does: strings print as they are, other values as compact JSON, one per line [implies -o json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the bearer token from standard input')
            [CompletionResult]::new('--insecure-http', '--insecure-http', [CompletionResultType]::ParameterName, 'Allow sending the token over plain http:// to a host that is not this machine')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column whole, however wide the terminal')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail instead where input would be needed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only data and errors: no notes, hints or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only data and errors: no notes, hints or progress on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;sandbox' {
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Address to listen on (loopback unless you say otherwise)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Port to listen on; 0 picks a free one [default: the port --state recorded, else a free one]')
            [CompletionResult]::new('--tenant', '--tenant', [CompletionResultType]::ParameterName, 'A tenant to serve under /scim/v2/NAME (repeatable; the seed''s tenants are added)')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Accounts to start with (JSON; see README "Sandbox seed files")')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Keep state in FILE: loaded at start, every change saved before it is acknowledged, and the port, which a restart without --port serves on again')
            [CompletionResult]::new('--generate', '--generate', [CompletionResultType]::ParameterName, 'Start with N made-up, realistic users besides the seed''s, spread over the tenants')
            [CompletionResult]::new('--generate-seed', '--generate-seed', [CompletionResultType]::ParameterName, 'The seed --generate draws from: the same seed gives the same users [default: 1]')
            [CompletionResult]::new('--latency', '--latency', [CompletionResultType]::ParameterName, 'Answer every request MS milliseconds late, like a service across the internet')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Per-tenant limit: N/s, N/min or N/h for every request, or ''default'' for the --provider''s documented limits; excess requests get 429 with Retry-After [default: no limit]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the bearer token from FILE (first line; the file should be private to you)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the named profile from the configuration file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: the platform config dir''s scimctl/config.toml]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'The service provider''s rules to apply [default: detected from the URL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each request [default: 30]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]')
            [CompletionResult]::new('--max-scan', '--max-scan', [CompletionResultType]::ParameterName, 'Read at most N users when no proven filter can answer a lookup; 0 reads them all [default: 10000]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'End the whole command within SECONDS: requests, retries, Retry-After waits and pages [default: no overall limit; each request still has --timeout]')
            [CompletionResult]::new('--max-users', '--max-users', [CompletionResultType]::ParameterName, 'Read at most N users in one listing or scan [default: twice the server''s totalResults plus 1000, so a server that never stops sending users is stopped]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this PEM certificate (a private CA) besides the platform''s roots')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression, as gh does: strings print as they are, other values as compact JSON, one per line [implies -o json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the bearer token from standard input')
            [CompletionResult]::new('--insecure-http', '--insecure-http', [CompletionResultType]::ParameterName, 'Allow sending the token over plain http:// to a host that is not this machine')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column whole, however wide the terminal')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail instead where input would be needed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only data and errors: no notes, hints or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only data and errors: no notes, hints or progress on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;demo' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the bearer token from FILE (first line; the file should be private to you)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the named profile from the configuration file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: the platform config dir''s scimctl/config.toml]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'The service provider''s rules to apply [default: detected from the URL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each request [default: 30]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]')
            [CompletionResult]::new('--max-scan', '--max-scan', [CompletionResultType]::ParameterName, 'Read at most N users when no proven filter can answer a lookup; 0 reads them all [default: 10000]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'End the whole command within SECONDS: requests, retries, Retry-After waits and pages [default: no overall limit; each request still has --timeout]')
            [CompletionResult]::new('--max-users', '--max-users', [CompletionResultType]::ParameterName, 'Read at most N users in one listing or scan [default: twice the server''s totalResults plus 1000, so a server that never stops sending users is stopped]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this PEM certificate (a private CA) besides the platform''s roots')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression, as gh does: strings print as they are, other values as compact JSON, one per line [implies -o json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the bearer token from standard input')
            [CompletionResult]::new('--insecure-http', '--insecure-http', [CompletionResultType]::ParameterName, 'Allow sending the token over plain http:// to a host that is not this machine')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column whole, however wide the terminal')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail instead where input would be needed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only data and errors: no notes, hints or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only data and errors: no notes, hints or progress on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;completions' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the bearer token from FILE (first line; the file should be private to you)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the named profile from the configuration file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: the platform config dir''s scimctl/config.toml]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'The service provider''s rules to apply [default: detected from the URL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each request [default: 30]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]')
            [CompletionResult]::new('--max-scan', '--max-scan', [CompletionResultType]::ParameterName, 'Read at most N users when no proven filter can answer a lookup; 0 reads them all [default: 10000]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'End the whole command within SECONDS: requests, retries, Retry-After waits and pages [default: no overall limit; each request still has --timeout]')
            [CompletionResult]::new('--max-users', '--max-users', [CompletionResultType]::ParameterName, 'Read at most N users in one listing or scan [default: twice the server''s totalResults plus 1000, so a server that never stops sending users is stopped]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this PEM certificate (a private CA) besides the platform''s roots')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression, as gh does: strings print as they are, other values as compact JSON, one per line [implies -o json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the bearer token from standard input')
            [CompletionResult]::new('--insecure-http', '--insecure-http', [CompletionResultType]::ParameterName, 'Allow sending the token over plain http:// to a host that is not this machine')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column whole, however wide the terminal')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail instead where input would be needed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only data and errors: no notes, hints or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only data and errors: no notes, hints or progress on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;man' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Write scimctl.1 and a page per subcommand into DIR (created if missing)')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the bearer token from FILE (first line; the file should be private to you)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the named profile from the configuration file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: the platform config dir''s scimctl/config.toml]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'The service provider''s rules to apply [default: detected from the URL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each request [default: 30]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]')
            [CompletionResult]::new('--max-scan', '--max-scan', [CompletionResultType]::ParameterName, 'Read at most N users when no proven filter can answer a lookup; 0 reads them all [default: 10000]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'End the whole command within SECONDS: requests, retries, Retry-After waits and pages [default: no overall limit; each request still has --timeout]')
            [CompletionResult]::new('--max-users', '--max-users', [CompletionResultType]::ParameterName, 'Read at most N users in one listing or scan [default: twice the server''s totalResults plus 1000, so a server that never stops sending users is stopped]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this PEM certificate (a private CA) besides the platform''s roots')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression, as gh does: strings print as they are, other values as compact JSON, one per line [implies -o json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the bearer token from standard input')
            [CompletionResult]::new('--insecure-http', '--insecure-http', [CompletionResultType]::ParameterName, 'Allow sending the token over plain http:// to a host that is not this machine')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column whole, however wide the terminal')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail instead where input would be needed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only data and errors: no notes, hints or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only data and errors: no notes, hints or progress on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;options' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2')
            [CompletionResult]::new('--token-file', '--token-file', [CompletionResultType]::ParameterName, 'Read the bearer token from FILE (first line; the file should be private to you)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use the named profile from the configuration file')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: the platform config dir''s scimctl/config.toml]')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'The service provider''s rules to apply [default: detected from the URL]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each request [default: 30]')
            [CompletionResult]::new('--max-retries', '--max-retries', [CompletionResultType]::ParameterName, 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]')
            [CompletionResult]::new('--max-scan', '--max-scan', [CompletionResultType]::ParameterName, 'Read at most N users when no proven filter can answer a lookup; 0 reads them all [default: 10000]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'End the whole command within SECONDS: requests, retries, Retry-After waits and pages [default: no overall limit; each request still has --timeout]')
            [CompletionResult]::new('--max-users', '--max-users', [CompletionResultType]::ParameterName, 'Read at most N users in one listing or scan [default: twice the server''s totalResults plus 1000, so a server that never stops sending users is stopped]')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Trust this PEM certificate (a private CA) besides the platform''s roots')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format for data on stdout')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Filter the JSON output through a jq expression, as gh does: strings print as they are, other values as compact JSON, one per line [implies -o json]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in auto)')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the bearer token from standard input')
            [CompletionResult]::new('--insecure-http', '--insecure-http', [CompletionResultType]::ParameterName, 'Allow sending the token over plain http:// to a host that is not this machine')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Show every table column whole, however wide the terminal')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail instead where input would be needed')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Only data and errors: no notes, hints or progress on stderr')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Only data and errors: no notes, hints or progress on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'scimctl;help' {
            [CompletionResult]::new('users', 'users', [CompletionResultType]::ParameterValue, 'Find, show and list users on the endpoint')
            [CompletionResult]::new('diagnose', 'diagnose', [CompletionResultType]::ParameterValue, 'Explain why provisioning a user got 409: who holds the value, how it collides, what to do')
            [CompletionResult]::new('triage', 'triage', [CompletionResultType]::ParameterValue, 'Diagnose every provisioning failure in an identity provider''s export at once')
            [CompletionResult]::new('resolve', 'resolve', [CompletionResultType]::ParameterValue, 'Walk through a 409 at the terminal: diagnose, choose a fix, see the plan, confirm, apply, verify')
            [CompletionResult]::new('rename-user', 'rename-user', [CompletionResultType]::ParameterValue, 'Rename the userName of the account that holds it, to free it for the incoming user')
            [CompletionResult]::new('suggest-username', 'suggest-username', [CompletionResultType]::ParameterValue, 'Suggest userNames that the endpoint confirms are free')
            [CompletionResult]::new('release-email', 'release-email', [CompletionResultType]::ParameterValue, 'Release an email from the account that holds it, keeping its other emails')
            [CompletionResult]::new('link', 'link', [CompletionResultType]::ParameterValue, 'Bind an existing account to the incoming identity, so the identity provider updates it')
            [CompletionResult]::new('provision', 'provision', [CompletionResultType]::ParameterValue, 'Retry the create the identity provider attempted (one POST, never repeated)')
            [CompletionResult]::new('journal', 'journal', [CompletionResultType]::ParameterValue, 'The changes scimctl made, and how to undo them')
            [CompletionResult]::new('preflight', 'preflight', [CompletionResultType]::ParameterValue, 'Predict which creates will 409 before the identity provider sends them, with the fix for each')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Find accounts that collide with each other: case, NFKC, invisible and look-alike letters, shared emails, externalIds')
            [CompletionResult]::new('auth', 'auth', [CompletionResultType]::ParameterValue, 'Store a profile''s token in the OS keyring (or a private file), and see where settings come from')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check the endpoint: reachability, TLS, token, which filters work, page cap, ETags, provider')
            [CompletionResult]::new('sandbox', 'sandbox', [CompletionResultType]::ParameterValue, 'Run a local SCIM service provider that behaves like a real one, to try scimctl or rehearse a fix')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'A two-second tour: a sandbox with the support page''s two conflicts, and scimctl at work on it')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff), or write one page per command with --dir')
            [CompletionResult]::new('options', 'options', [CompletionResultType]::ParameterValue, 'The options every command takes: the endpoint, the token, limits and output')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'scimctl;help;users' {
            [CompletionResult]::new('find', 'find', [CompletionResultType]::ParameterValue, 'Find the users holding a userName, email or externalId, or matching a filter')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one user by its SCIM id')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List users, page by page')
            break
        }
        'scimctl;help;users;find' {
            break
        }
        'scimctl;help;users;get' {
            break
        }
        'scimctl;help;users;list' {
            break
        }
        'scimctl;help;diagnose' {
            break
        }
        'scimctl;help;triage' {
            break
        }
        'scimctl;help;resolve' {
            break
        }
        'scimctl;help;rename-user' {
            break
        }
        'scimctl;help;suggest-username' {
            break
        }
        'scimctl;help;release-email' {
            break
        }
        'scimctl;help;link' {
            break
        }
        'scimctl;help;provision' {
            break
        }
        'scimctl;help;journal' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the changes scimctl made (in doubt: interrupted before its outcome was recorded)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one entry: its plan, the values before and after, the endpoint and the outcome')
            [CompletionResult]::new('undo', 'undo', [CompletionResultType]::ParameterValue, 'Put back what a journal entry changed, if nothing has changed since')
            [CompletionResult]::new('settle', 'settle', [CompletionResultType]::ParameterValue, 'Settle an entry in doubt: read the account back and record whether the change was made')
            break
        }
        'scimctl;help;journal;list' {
            break
        }
        'scimctl;help;journal;show' {
            break
        }
        'scimctl;help;journal;undo' {
            break
        }
        'scimctl;help;journal;settle' {
            break
        }
        'scimctl;help;preflight' {
            break
        }
        'scimctl;help;audit' {
            break
        }
        'scimctl;help;auth' {
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Store the token for a profile and write the profile (its URL) in the configuration file')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show each connection setting (profile, url, token, provider) and where it comes from')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Remove the token stored for a profile (the profile''s url stays)')
            break
        }
        'scimctl;help;auth;login' {
            break
        }
        'scimctl;help;auth;status' {
            break
        }
        'scimctl;help;auth;logout' {
            break
        }
        'scimctl;help;doctor' {
            break
        }
        'scimctl;help;sandbox' {
            break
        }
        'scimctl;help;demo' {
            break
        }
        'scimctl;help;completions' {
            break
        }
        'scimctl;help;man' {
            break
        }
        'scimctl;help;options' {
            break
        }
        'scimctl;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}

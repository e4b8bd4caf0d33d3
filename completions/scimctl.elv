
use builtin;
use str;

set edit:completion:arg-completer[scimctl] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'scimctl'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'scimctl'= {
            cand --url 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2'
            cand --token-file 'Read the bearer token from FILE (first line; the file should be private to you)'
            cand --profile 'Use the named profile from the configuration file'
            cand --config 'Configuration file [default: the platform config dir''s scimctl/config.toml]'
            cand --provider 'The service provider''s rules to apply [default: detected from the URL]'
            cand --timeout 'Seconds to wait for each request [default: 30]'
            cand --max-retries 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]'
            cand --ca-cert 'Trust this PEM certificate (a private CA) besides the platform''s roots'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use colour (NO_COLOR is honoured in auto)'
            cand --token-stdin 'Read the bearer token from standard input'
            cand --insecure-http 'Allow sending the token over plain http:// to a host that is not this machine'
            cand --no-input 'Never prompt; fail instead where input would be needed'
            cand -v 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies'
            cand --verbose 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies'
            cand -q 'Only data and errors: no notes, hints or progress on stderr'
            cand --quiet 'Only data and errors: no notes, hints or progress on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand users 'Find, show and list users on the endpoint'
            cand diagnose 'Explain why provisioning a user got 409: who holds the value, how it collides, what to do'
            cand doctor 'Check the endpoint: reachability, TLS, token, which filters work, page cap, ETags, provider'
            cand sandbox 'Run a local SCIM service provider that behaves like a real one, to try scimctl or rehearse a fix'
            cand demo 'A two-second tour: a sandbox with the support page''s two conflicts, and scimctl at work on it'
            cand completions 'Print a shell completion script'
            cand man 'Print the man page (roff) to stdout'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'scimctl;users'= {
            cand --url 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2'
            cand --token-file 'Read the bearer token from FILE (first line; the file should be private to you)'
            cand --profile 'Use the named profile from the configuration file'
            cand --config 'Configuration file [default: the platform config dir''s scimctl/config.toml]'
            cand --provider 'The service provider''s rules to apply [default: detected from the URL]'
            cand --timeout 'Seconds to wait for each request [default: 30]'
            cand --max-retries 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]'
            cand --ca-cert 'Trust this PEM certificate (a private CA) besides the platform''s roots'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use colour (NO_COLOR is honoured in auto)'
            cand --token-stdin 'Read the bearer token from standard input'
            cand --insecure-http 'Allow sending the token over plain http:// to a host that is not this machine'
            cand --no-input 'Never prompt; fail instead where input would be needed'
            cand -v 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies'
            cand --verbose 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies'
            cand -q 'Only data and errors: no notes, hints or progress on stderr'
            cand --quiet 'Only data and errors: no notes, hints or progress on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand find 'Find the users holding a userName, email or externalId, or matching a filter'
            cand get 'Show one user by its SCIM id'
            cand list 'List users, page by page'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'scimctl;users;find'= {
            cand --username 'The userName to look for (compared ignoring case)'
            cand --email 'The email to look for, in any of a user''s emails'
            cand --external-id 'The externalId to look for (compared exactly)'
            cand --filter 'A raw SCIM filter'
            cand --url 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2'
            cand --token-file 'Read the bearer token from FILE (first line; the file should be private to you)'
            cand --profile 'Use the named profile from the configuration file'
            cand --config 'Configuration file [default: the platform config dir''s scimctl/config.toml]'
            cand --provider 'The service provider''s rules to apply [default: detected from the URL]'
            cand --timeout 'Seconds to wait for each request [default: 30]'
            cand --max-retries 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]'
            cand --ca-cert 'Trust this PEM certificate (a private CA) besides the platform''s roots'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use colour (NO_COLOR is honoured in auto)'
            cand --token-stdin 'Read the bearer token from standard input'
            cand --insecure-http 'Allow sending the token over plain http:// to a host that is not this machine'
            cand --no-input 'Never prompt; fail instead where input would be needed'
            cand -v 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies'
            cand --verbose 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies'
            cand -q 'Only data and errors: no notes, hints or progress on stderr'
            cand --quiet 'Only data and errors: no notes, hints or progress on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;users;get'= {
            cand --url 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2'
            cand --token-file 'Read the bearer token from FILE (first line; the file should be private to you)'
            cand --profile 'Use the named profile from the configuration file'
            cand --config 'Configuration file [default: the platform config dir''s scimctl/config.toml]'
            cand --provider 'The service provider''s rules to apply [default: detected from the URL]'
            cand --timeout 'Seconds to wait for each request [default: 30]'
            cand --max-retries 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]'
            cand --ca-cert 'Trust this PEM certificate (a private CA) besides the platform''s roots'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use colour (NO_COLOR is honoured in auto)'
            cand --token-stdin 'Read the bearer token from standard input'
            cand --insecure-http 'Allow sending the token over plain http:// to a host that is not this machine'
            cand --no-input 'Never prompt; fail instead where input would be needed'
            cand -v 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies'
            cand --verbose 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies'
            cand -q 'Only data and errors: no notes, hints or progress on stderr'
            cand --quiet 'Only data and errors: no notes, hints or progress on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;users;list'= {
            cand --filter 'A SCIM filter (RFC 7644 §3.4.2.2), checked before it is sent'
            cand --limit 'List at most N users'
            cand --url 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2'
            cand --token-file 'Read the bearer token from FILE (first line; the file should be private to you)'
            cand --profile 'Use the named profile from the configuration file'
            cand --config 'Configuration file [default: the platform config dir''s scimctl/config.toml]'
            cand --provider 'The service provider''s rules to apply [default: detected from the URL]'
            cand --timeout 'Seconds to wait for each request [default: 30]'
            cand --max-retries 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]'
            cand --ca-cert 'Trust this PEM certificate (a private CA) besides the platform''s roots'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use colour (NO_COLOR is honoured in auto)'
            cand --token-stdin 'Read the bearer token from standard input'
            cand --insecure-http 'Allow sending the token over plain http:// to a host that is not this machine'
            cand --no-input 'Never prompt; fail instead where input would be needed'
            cand -v 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies'
            cand --verbose 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies'
            cand -q 'Only data and errors: no notes, hints or progress on stderr'
            cand --quiet 'Only data and errors: no notes, hints or progress on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;users;help'= {
            cand find 'Find the users holding a userName, email or externalId, or matching a filter'
            cand get 'Show one user by its SCIM id'
            cand list 'List users, page by page'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'scimctl;users;help;find'= {
        }
        &'scimctl;users;help;get'= {
        }
        &'scimctl;users;help;list'= {
        }
        &'scimctl;users;help;help'= {
        }
        &'scimctl;diagnose'= {
            cand --username 'The userName the identity provider sent'
            cand --email 'An email the identity provider sent (repeatable)'
            cand --external-id 'The externalId the identity provider sent'
            cand --payload 'The SCIM User the identity provider tried to create (JSON file, or - for stdin)'
            cand --error 'The identity provider''s error: the text itself, @FILE, or - for stdin'
            cand --url 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2'
            cand --token-file 'Read the bearer token from FILE (first line; the file should be private to you)'
            cand --profile 'Use the named profile from the configuration file'
            cand --config 'Configuration file [default: the platform config dir''s scimctl/config.toml]'
            cand --provider 'The service provider''s rules to apply [default: detected from the URL]'
            cand --timeout 'Seconds to wait for each request [default: 30]'
            cand --max-retries 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]'
            cand --ca-cert 'Trust this PEM certificate (a private CA) besides the platform''s roots'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use colour (NO_COLOR is honoured in auto)'
            cand --deep 'Also read every user, to catch stored values that collide only once normalised'
            cand --token-stdin 'Read the bearer token from standard input'
            cand --insecure-http 'Allow sending the token over plain http:// to a host that is not this machine'
            cand --no-input 'Never prompt; fail instead where input would be needed'
            cand -v 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies'
            cand --verbose 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies'
            cand -q 'Only data and errors: no notes, hints or progress on stderr'
            cand --quiet 'Only data and errors: no notes, hints or progress on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;doctor'= {
            cand --url 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2'
            cand --token-file 'Read the bearer token from FILE (first line; the file should be private to you)'
            cand --profile 'Use the named profile from the configuration file'
            cand --config 'Configuration file [default: the platform config dir''s scimctl/config.toml]'
            cand --provider 'The service provider''s rules to apply [default: detected from the URL]'
            cand --timeout 'Seconds to wait for each request [default: 30]'
            cand --max-retries 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]'
            cand --ca-cert 'Trust this PEM certificate (a private CA) besides the platform''s roots'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use colour (NO_COLOR is honoured in auto)'
            cand --token-stdin 'Read the bearer token from standard input'
            cand --insecure-http 'Allow sending the token over plain http:// to a host that is not this machine'
            cand --no-input 'Never prompt; fail instead where input would be needed'
            cand -v 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies'
            cand --verbose 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies'
            cand -q 'Only data and errors: no notes, hints or progress on stderr'
            cand --quiet 'Only data and errors: no notes, hints or progress on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;sandbox'= {
            cand --host 'Address to listen on (loopback unless you say otherwise)'
            cand --port 'Port to listen on; 0 picks a free one'
            cand --tenant 'A tenant to serve under /scim/v2/NAME (repeatable; the seed''s tenants are added)'
            cand --seed 'Accounts to start with (JSON; see README "Sandbox seed files")'
            cand --state 'Keep state in FILE: loaded at start, every change saved before it is acknowledged'
            cand --url 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2'
            cand --token-file 'Read the bearer token from FILE (first line; the file should be private to you)'
            cand --profile 'Use the named profile from the configuration file'
            cand --config 'Configuration file [default: the platform config dir''s scimctl/config.toml]'
            cand --provider 'The service provider''s rules to apply [default: detected from the URL]'
            cand --timeout 'Seconds to wait for each request [default: 30]'
            cand --max-retries 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]'
            cand --ca-cert 'Trust this PEM certificate (a private CA) besides the platform''s roots'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use colour (NO_COLOR is honoured in auto)'
            cand --token-stdin 'Read the bearer token from standard input'
            cand --insecure-http 'Allow sending the token over plain http:// to a host that is not this machine'
            cand --no-input 'Never prompt; fail instead where input would be needed'
            cand -v 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies'
            cand --verbose 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies'
            cand -q 'Only data and errors: no notes, hints or progress on stderr'
            cand --quiet 'Only data and errors: no notes, hints or progress on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;demo'= {
            cand --url 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2'
            cand --token-file 'Read the bearer token from FILE (first line; the file should be private to you)'
            cand --profile 'Use the named profile from the configuration file'
            cand --config 'Configuration file [default: the platform config dir''s scimctl/config.toml]'
            cand --provider 'The service provider''s rules to apply [default: detected from the URL]'
            cand --timeout 'Seconds to wait for each request [default: 30]'
            cand --max-retries 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]'
            cand --ca-cert 'Trust this PEM certificate (a private CA) besides the platform''s roots'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use colour (NO_COLOR is honoured in auto)'
            cand --token-stdin 'Read the bearer token from standard input'
            cand --insecure-http 'Allow sending the token over plain http:// to a host that is not this machine'
            cand --no-input 'Never prompt; fail instead where input would be needed'
            cand -v 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies'
            cand --verbose 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies'
            cand -q 'Only data and errors: no notes, hints or progress on stderr'
            cand --quiet 'Only data and errors: no notes, hints or progress on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;completions'= {
            cand --url 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2'
            cand --token-file 'Read the bearer token from FILE (first line; the file should be private to you)'
            cand --profile 'Use the named profile from the configuration file'
            cand --config 'Configuration file [default: the platform config dir''s scimctl/config.toml]'
            cand --provider 'The service provider''s rules to apply [default: detected from the URL]'
            cand --timeout 'Seconds to wait for each request [default: 30]'
            cand --max-retries 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]'
            cand --ca-cert 'Trust this PEM certificate (a private CA) besides the platform''s roots'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use colour (NO_COLOR is honoured in auto)'
            cand --token-stdin 'Read the bearer token from standard input'
            cand --insecure-http 'Allow sending the token over plain http:// to a host that is not this machine'
            cand --no-input 'Never prompt; fail instead where input would be needed'
            cand -v 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies'
            cand --verbose 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies'
            cand -q 'Only data and errors: no notes, hints or progress on stderr'
            cand --quiet 'Only data and errors: no notes, hints or progress on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;man'= {
            cand --url 'Base URL of the SCIM endpoint, e.g. https://api.example.com/scim/v2'
            cand --token-file 'Read the bearer token from FILE (first line; the file should be private to you)'
            cand --profile 'Use the named profile from the configuration file'
            cand --config 'Configuration file [default: the platform config dir''s scimctl/config.toml]'
            cand --provider 'The service provider''s rules to apply [default: detected from the URL]'
            cand --timeout 'Seconds to wait for each request [default: 30]'
            cand --max-retries 'Retries for reads and idempotent writes on 408, 429, 5xx and failed connections [default: 3]'
            cand --ca-cert 'Trust this PEM certificate (a private CA) besides the platform''s roots'
            cand -o 'Output format for data on stdout'
            cand --output 'Output format for data on stdout'
            cand --color 'When to use colour (NO_COLOR is honoured in auto)'
            cand --token-stdin 'Read the bearer token from standard input'
            cand --insecure-http 'Allow sending the token over plain http:// to a host that is not this machine'
            cand --no-input 'Never prompt; fail instead where input would be needed'
            cand -v 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies'
            cand --verbose 'More detail on stderr: -v requests, -vv headers (token redacted), -vvv bodies'
            cand -q 'Only data and errors: no notes, hints or progress on stderr'
            cand --quiet 'Only data and errors: no notes, hints or progress on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'scimctl;help'= {
            cand users 'Find, show and list users on the endpoint'
            cand diagnose 'Explain why provisioning a user got 409: who holds the value, how it collides, what to do'
            cand doctor 'Check the endpoint: reachability, TLS, token, which filters work, page cap, ETags, provider'
            cand sandbox 'Run a local SCIM service provider that behaves like a real one, to try scimctl or rehearse a fix'
            cand demo 'A two-second tour: a sandbox with the support page''s two conflicts, and scimctl at work on it'
            cand completions 'Print a shell completion script'
            cand man 'Print the man page (roff) to stdout'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'scimctl;help;users'= {
            cand find 'Find the users holding a userName, email or externalId, or matching a filter'
            cand get 'Show one user by its SCIM id'
            cand list 'List users, page by page'
        }
        &'scimctl;help;users;find'= {
        }
        &'scimctl;help;users;get'= {
        }
        &'scimctl;help;users;list'= {
        }
        &'scimctl;help;diagnose'= {
        }
        &'scimctl;help;doctor'= {
        }
        &'scimctl;help;sandbox'= {
        }
        &'scimctl;help;demo'= {
        }
        &'scimctl;help;completions'= {
        }
        &'scimctl;help;man'= {
        }
        &'scimctl;help;help'= {
        }
    ]
    $completions[$command]
}

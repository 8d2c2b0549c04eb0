Feature: Rule packs, extends and overrides
  Teams adapt the built-in pack without copying it: they extend it, change one field of
  a rule, or switch a rule off. A broken pack is reported with file, line, rule and key.

  Background:
    Given a file "epics.yaml" containing:
      """
      epics:
        - key: ML-1
          summary: Rank the feed
          labels: [ml]
          description: "## Background\nNothing decided yet."
      """

  Scenario: Overriding the severity of an inherited rule
    Given a file "team.yaml" containing:
      """
      name: team
      extends: builtin:ml-kickoff
      overrides:
        roles-assigned: {severity: warning}
        error-tolerance-stated: "off"
      """
    When I run "ticketlint check --source epics.yaml --rules team.yaml --color never"
    Then the exit code is 1
    And the output contains "warning  roles-assigned"
    And the output contains "error    success-metric-defined"
    And the output does not contain "error-tolerance-stated"

  Scenario: Overriding the message and the pack's selector
    Given a file "team.yaml" containing:
      """
      name: team
      extends: [builtin:ml-kickoff]
      selector: {project: ML}
      overrides:
        success-metric-defined:
          message: "{key}: add the KPI to {target}, see go/kpi"
      """
    When I run "ticketlint check --source epics.yaml --rules team.yaml --select success-metric-defined --color never"
    Then the output contains "ML-1: add the KPI to a"
    And the output contains "Success metric"
    And the output contains "see go/kpi"

  Scenario: A pack of its own rules, with a conditional check
    Given a file "own.yaml" containing:
      """
      name: own
      rules:
        - id: proxy-needed
          description: A proxy metric when the success metric cannot be trained on.
          severity: warning
          check:
            when:
              if: {mentions: {targets: [description], any: [not directly trainable]}}
              then: {filled: {targets: [{section: Proxy metric}], allow_not_applicable: true}}
          message: "{key}: name the proxy metric."
      """
    And a file "more.yaml" containing:
      """
      epics:
        - key: ML-2
          description: "## Success metric\nRetention +2%, not directly trainable"
        - key: ML-3
          description: "## Success metric\nCTR +2%"
      """
    When I run "ticketlint check --source more.yaml --rules own.yaml --format json"
    Then epic "ML-2" fails rule "proxy-needed"
    And epic "ML-3" passes rule "proxy-needed"

  Scenario: A pack declares concepts for its own rules
    Given a file "own.yaml" containing:
      """
      name: own
      concepts:
        launch-date:
          names: [launch date, go-live, when do we ship]
          cues: [go live, launch on, ship on]
      rules:
        - id: launch-date-set
          description: The epic says when it launches.
          severity: warning
          targets: [{concept: launch-date}]
          check: {filled: {pattern: '\d', what: date}}
          message: "{key}: write the launch date in {target}."
      """
    And a file "more.yaml" containing:
      """
      epics:
        - key: ML-2
          description: "## When do we ship?\nWeek 14, 2026-04-02"
        - key: ML-3
          description: "We plan to go live on 2026-05-04, after the pilot."
        - key: ML-4
          description: "## Go-live\nTBD"
      """
    When I run "ticketlint check --source more.yaml --rules own.yaml --format json"
    Then epic "ML-2" passes rule "launch-date-set"
    And epic "ML-3" passes rule "launch-date-set"
    And epic "ML-4" fails rule "launch-date-set"

  Scenario: A pack extending the built-in one adds its own words to a concept
    Given a file "team.yaml" containing:
      """
      name: team
      extends: [builtin:ml-kickoff]
      concepts:
        success-metric:
          names: [scoreboard]
      """
    And a file "more.yaml" containing:
      """
      epics:
        - key: ML-2
          labels: [ml]
          description: "## Scoreboard\nRetention of new members 45 percent by June, up 4 points"
      """
    When I run "ticketlint check --source more.yaml --format json --select success-metric-defined"
    Then epic "ML-2" fails rule "success-metric-defined"
    When I run "ticketlint check --source more.yaml --rules team.yaml --format json --select success-metric-defined"
    Then epic "ML-2" passes rule "success-metric-defined"

  Scenario Outline: A broken rule pack is reported with file, line, rule and key
    Given a file "bad.yaml" containing, with \n as line breaks:
      """
      <pack>
      """
    When I run "ticketlint check --source epics.yaml --rules bad.yaml"
    Then the exit code is 2
    And the error output contains "<message>"
    And the error output has no traceback

    Examples:
      | pack                                                                                                                                                 | message                                                    |
      | name: x\nrules:\n  - id: a\n    description: d\n    severity: critical\n    check: {filled: {targets: [summary]}}\n    message: m                       | bad.yaml:5:15: rule "a": severity: "critical" is not allowed; use one of: error, warning, info, off |
      | name: x\nrules:\n  - id: a\n    description: d\n    severity: error\n    check: {filed: {}}\n    message: m                                                | bad.yaml:6:13: rule "a": unknown check "filed"             |
      | name: x\nrules:\n  - id: a\n    description: d\n    severity: error\n    check: {matches: {targets: [summary], pattern: "(unclosed"}}\n    message: m  | rule "a": pattern: is not a valid regular expression       |
      | name: x\nrules:\n  - id: a\n    description: d\n    severity: error\n    check: {filled: {targets: [summary]}}\n    message: "{epic} is bad"          | rule "a": message: unknown placeholder "{epic}"           |
      | name: x\nrules:\n  - id: a\n    description: d\n    severity: error\n    check: {filled: {targets: [summary]}}\n    message: m\n  - id: a\n    description: d\n    severity: error\n    check: {filled: {targets: [summary]}}\n    message: m | bad.yaml:8:9: rule "a": duplicate rule id "a" |
      | name: x\nrules:\n  - id: Bad_Id\n    description: d\n    severity: error\n    check: {filled: {targets: [summary]}}\n    message: m                    | id: "Bad_Id" must be kebab-case                            |
      | name: x\nrules:\n  - id: a\n    description: d\n    severity: error\n    check: {filled: {}}\n    message: m                                            | bad.yaml:6:13: rule "a": this check needs targets:                |
      | name: x\nrules:\n  - id: a\n    description: d\n    severity: error\n    check: {filled: {targets: [{sektion: Roles}]}}\n    message: m              | rule "a"                                                   |
      | name: x\nextends: builtin:nope\nrules: []                                                                                                           | rule pack "builtin:nope" not found; built-in packs: builtin:ml-kickoff |
      | name: x\nextends: builtin:ml-kickoff\noverrides:\n  no-such-rule: {severity: info}\nrules: []                                                       | bad.yaml:4:3: rule "no-such-rule": no inherited rule has this id |
      | name: x\nrules:\n  - id: a\n   description: [unclosed                                                                                                  | bad.yaml:4:                                                |
      | name: x\nrules:\n  - id: a\n    description: d\n    severity: error\n    chek: {filled: {targets: [summary]}}\n    message: m                       | unknown key "chek"                                         |
      | name: x\nconcepts:\n  kpi: {names: [the of]}\nrules: []                                                                                       | bad.yaml:3:17: concept "kpi": names: "the of" has only filler words |
      | name: x\nconcepts:\n  kpi: {cues: [KPI], patterns: ["(kpi"]}\nrules: []                                                                      | concept "kpi": patterns: is not a valid regular expression |
      | name: x\nrules:\n  - id: a\n    description: d\n    severity: error\n    targets: [{concept: kpi}]\n    check: {filled: {}}\n    message: m     | rule "a": concept: "kpi" is not a concept of this pack     |

  Scenario: An extends cycle is refused
    Given a file "a.yaml" containing:
      """
      name: a
      extends: b.yaml
      rules: []
      """
    And a file "b.yaml" containing:
      """
      name: b
      extends: a.yaml
      rules: []
      """
    When I run "ticketlint check --source epics.yaml --rules a.yaml"
    Then the exit code is 2
    And the error output contains "extends cycle: a.yaml → b.yaml → a.yaml"

  Scenario: A "billion laughs" file is refused quickly
    Given a file "laughs.yaml" containing:
      """
      a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
      b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
      c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
      d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
      e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
      f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
      g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
      h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
      i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
      """
    When I run "ticketlint check --source epics.yaml --rules laughs.yaml"
    Then the exit code is 2
    And the error output contains "too many aliases"

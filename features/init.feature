Feature: Starting a project with ticketlint init
  A team adopting ticketlint gets a commented config, the epic templates and, if they
  want, a nightly workflow, without losing a file they already have.

  Scenario: init writes a config that validates, the templates and a workflow
    When I run "ticketlint init --workflow"
    Then the exit code is 0
    And the output contains "wrote ticketlint.yaml"
    And the output contains "wrote templates/ml-epic.wiki"
    And the output contains "wrote .github/workflows/ticketlint-nightly.yml"
    When I run "ticketlint rules validate ticketlint.yaml"
    Then the exit code is 0

  Scenario: init never overwrites a file unless forced
    Given a file "ticketlint.yaml" containing:
      """
      rules: [./mine.yaml]
      """
    When I run "ticketlint init"
    Then the output contains "kept ticketlint.yaml (it exists; --force overwrites it)"
    And the file "ticketlint.yaml" still contains "mine.yaml"
    When I run "ticketlint init --force"
    Then the output contains "wrote ticketlint.yaml"
    And the file "ticketlint.yaml" still contains "builtin:ml-kickoff"

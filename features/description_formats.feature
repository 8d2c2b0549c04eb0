Feature: Descriptions in wiki markup, ADF and Markdown
  Teams write the same decision under a heading, after a bold label or in a decision
  table, in whichever markup their Jira speaks. One rule finds it in all of them.

  Scenario Outline: A success metric under a heading, a bold label or in a table
    Given an epic "ML-1" whose <format> description is:
      """
      <description>
      """
    When I run "ticketlint check --source epics.yaml --format json --select success-metric-defined"
    Then epic "ML-1" passes rule "success-metric-defined"

    Examples:
      | format   | description                                                  |
      | wiki     | h2. Success metric\nWatch time per session +3% in an A/B test |
      | wiki     | *Success metric:* watch time per session +3%                 |
      | wiki     | \|\|Decision\|\|Answer\|\|\n\|KPI\|Watch time +3%\|            |
      | Markdown | ## Success criteria\nWatch time per session +3% in an A/B test |
      | Markdown | **North-star metric:** watch time per session +3%            |
      | Markdown | \| Decision \| Answer \|\n\|---\|---\|\n\| Target metric \| CTR +2% \| |

  Scenario: ADF headings, bold labels and tables
    Given an epic "ML-2" whose ADF description is:
      """
      {"type": "doc", "version": 1, "content": [
        {"type": "heading", "attrs": {"level": 2}, "content": [{"type": "text", "text": "Success metric"}]},
        {"type": "paragraph", "content": [{"type": "text", "text": "Fraud losses per 1,000 orders -20%"}]},
        {"type": "paragraph", "content": [
          {"type": "text", "text": "Error tolerance:", "marks": [{"type": "strong"}]},
          {"type": "text", "text": " at most 1% of good orders blocked"}]},
        {"type": "table", "content": [
          {"type": "tableRow", "content": [
            {"type": "tableHeader", "content": [{"type": "paragraph", "content": [{"type": "text", "text": "Role"}]}]},
            {"type": "tableHeader", "content": [{"type": "paragraph", "content": [{"type": "text", "text": "Name"}]}]}]},
          {"type": "tableRow", "content": [
            {"type": "tableCell", "content": [{"type": "paragraph", "content": [{"type": "text", "text": "ML engineer"}]}]},
            {"type": "tableCell", "content": [{"type": "paragraph", "content": [
              {"type": "mention", "attrs": {"id": "5b10", "text": "@Priya Raman"}}]}]}]}]}
      ]}
      """
    When I run "ticketlint check --source epics.yaml --format json"
    Then epic "ML-2" passes rule "success-metric-defined"
    And epic "ML-2" passes rule "error-tolerance-stated"

  Scenario Outline: Template leftovers never count as a decision
    Given an epic "ML-3" whose <format> description is:
      """
      <heading>
      <leftover>
      """
    When I run "ticketlint check --source epics.yaml --format json --select success-metric-defined"
    Then epic "ML-3" fails rule "success-metric-defined"

    Examples:
      | format   | heading             | leftover                                                |
      | wiki     | h2. Success metric  | TBD                                                     |
      | wiki     | h2. Success metric  | N/A                                                     |
      | wiki     | h2. Success metric  | ?                                                       |
      | wiki     | h2. Success metric  | [describe the metric]                                   |
      | Markdown | ## Success metric   | e.g. precision ≥ 0.9                                    |
      | Markdown | ## Success metric   | To be decided                                           |
      | Markdown | ## Success metric   | The one metric everyone agreed to improve, its direction and target. |
      | Markdown | ## Success metric   | ...                                                     |
      | Markdown | ## Success metric   | improve recommendations                                 |

  Scenario: A checklist item and a mention count in every markup
    Given an epic "ML-4" whose Markdown description is:
      """
      ## Roles
      - ML engineer: @priya
      - Data scientist: Mei Chen
      - Data engineer: not needed
      - PM: Dana Lee
      - Product analyst: not needed
      """
    When I run "ticketlint check --source epics.yaml --format json --select roles-assigned"
    Then epic "ML-4" passes rule "roles-assigned"

  Scenario: A role left as a placeholder means roles are not assigned
    Given an epic "ML-5" whose wiki description is:
      """
      h2. Roles
      ||Role||Name||
      |ML engineer|[~priya]|
      |PM|?|
      """
    When I run "ticketlint check --source epics.yaml --format json --select roles-assigned"
    Then epic "ML-5" fails rule "roles-assigned"

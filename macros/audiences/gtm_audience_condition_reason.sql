{#-
    gtm_audience_condition_reason(node, outcome)

    Generates the SQL text expression behind gtm_audience_reason for one condition and,
    through recursion, the conditions nested in it: the failing leaves with their values
    (outcome 'failed') or the leaves that hold (outcome 'passed'), NULL otherwise.

    Example: gtm_audience_condition_reason({'column': 'icp_score', 'operator': '>=', 'value': 60}, 'passed')
             ->  case when not coalesce(icp_score >= 60, false) then null else 'icp_score >= 60 (value ' || ... end
-#}
{% macro gtm_audience_condition_reason(node, outcome) %}
    {%- set predicate = gtm_audience_predicate(node) -%}
    {%- if 'all' in node or 'any' in node -%}
        {%- set keyword = 'all' if 'all' in node else 'any' -%}
        {%- set parts = [] -%}
        {%- for child in node[keyword] -%}
            {%- do parts.append(gtm_audience_condition_reason(child, outcome)) -%}
        {%- endfor -%}
        {%- set joined = "nullif(concat_ws('; ', " ~ parts | join(', ') ~ "), '')" -%}
        {%- if (outcome == 'failed' and keyword == 'any') or (outcome == 'passed' and keyword == 'all') -%}
            {%- set joined = "case when " ~ ('not ' if outcome == 'failed') ~ predicate ~ " then "
                ~ gtm_quote(keyword ~ ' of (') ~ " || " ~ joined ~ " || ')' end" -%}
        {%- endif -%}
        {{ return(joined) }}
    {%- endif -%}
    {%- set label = gtm_audience_condition_label(node) -%}
    {%- if node.operator == 'is_null' -%}
        {%- set text = gtm_quote(label) -%}
    {%- else -%}
        {%- set text = gtm_quote(label ~ ' (value ') ~ " || coalesce(cast(" ~ node.column ~ " as " ~ dbt.type_string() ~ "), 'unknown') || ')'" -%}
    {%- endif -%}
    {{ return("case when " ~ ('not ' if outcome == 'passed') ~ predicate ~ " then null else " ~ text ~ " end") }}
{% endmacro %}

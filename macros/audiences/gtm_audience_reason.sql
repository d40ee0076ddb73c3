{#-
    gtm_audience_reason(node, outcome)

    Generates a SQL text expression that explains a condition's outcome for one row:
    with outcome 'failed', the leaf conditions that fail, each with the row's value
    (NULL when the condition passes); with outcome 'passed', the leaf conditions that
    hold (NULL when it fails). An `any` group that fails lists all its branches, and an
    `all` group that passes lists all its parts.

    Example: gtm_audience_reason({'column': 'persona_score', 'operator': '>=', 'value': 60}, 'failed')
             ->  case when coalesce(persona_score >= 60, false) then null
                 else 'persona_score >= 60 (value ' || coalesce(cast(persona_score as varchar), 'unknown') || ')' end
-#}
{% macro gtm_audience_reason(node, outcome) %}
    {%- if node is none -%}
        {{ return("null" if outcome == 'failed' else gtm_quote('no conditions')) }}
    {%- endif -%}
    {%- set predicate = gtm_audience_predicate(node) -%}
    {%- if 'all' in node or 'any' in node -%}
        {%- set keyword = 'all' if 'all' in node else 'any' -%}
        {%- set parts = [] -%}
        {%- for child in node[keyword] -%}
            {%- do parts.append(gtm_audience_reason(child, outcome)) -%}
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

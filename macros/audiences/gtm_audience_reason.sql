{#-
    gtm_audience_reason(node, outcome)

    Generates a SQL text expression that explains a condition's outcome for one row.
    With outcome 'failed' it is 'fails ' and the leaf conditions that fail, each with the
    row's value, or NULL when the condition passes. With outcome 'passed' it is 'meets '
    and the leaf conditions that hold, or NULL when it fails. An `any` group that fails
    lists all its branches, and an `all` group that passes lists all its parts.

    Example: gtm_audience_reason({'column': 'persona_score', 'operator': '>=', 'value': 60}, 'failed')
             ->  'fails ' || case when coalesce(persona_score >= 60, false) then null
                 else 'persona_score >= 60 (value ' || coalesce(cast(persona_score as varchar), 'unknown') || ')' end
-#}
{% macro gtm_audience_reason(node, outcome) %}
    {%- if node is none -%}
        {{ return("null" if outcome == 'failed' else gtm_quote('the audience has no conditions')) }}
    {%- endif -%}
    {%- set prefix = 'meets ' if outcome == 'passed' else 'fails ' -%}
    {{ return(gtm_quote(prefix) ~ ' || ' ~ gtm_audience_condition_reason(node, outcome)) }}
{% endmacro %}

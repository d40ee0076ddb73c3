{#-
    gtm_load_audiences()

    Load step of the audience compiler. Returns the audience definitions unparsed, as a
    dict with `audiences` (the built-in `default` audience first, then every entry of the
    `gtm_audiences` var) and `configured` (the var as set, which the validator checks is
    a list).
    The default audience is volume outbound over the people whose ICP score and Persona
    score reach the vars gtm_audience_min_icp_score and gtm_audience_min_persona_score.
    Vars are plain configuration, so this works at parse time with no database.

    Example: gtm_load_audiences()['audiences'][0]['code']  ->  'default'
-#}
{% macro gtm_load_audiences() %}
    {%- set default_audience = {
        'code': 'default',
        'name': 'Default audience',
        'motion': 'volume_outbound',
        'where': {'all': [
            {'column': 'icp_score', 'operator': '>=', 'value': var('gtm_audience_min_icp_score')},
            {'column': 'persona_score', 'operator': '>=', 'value': var('gtm_audience_min_persona_score')},
        ]},
    } -%}
    {%- set configured = var('gtm_audiences', []) -%}
    {%- if configured is none -%}
        {%- set configured = [] -%}
    {%- endif -%}
    {%- if configured is mapping or configured is string -%}
        {#- Not a list: the validator reports it. -#}
        {{ return({'audiences': [default_audience], 'configured': configured}) }}
    {%- endif -%}
    {{ return({'audiences': [default_audience] + configured | list, 'configured': configured}) }}
{% endmacro %}

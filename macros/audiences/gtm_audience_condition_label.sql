{#-
    gtm_audience_condition_label(node)

    Renders a validated audience condition as short readable text, for reasons in the
    change feed and for int_audiences__validated.

    Example: gtm_audience_condition_label({'all': [{'column': 'icp_score', 'operator': '>=', 'value': 60},
             {'column': 'persona_code', 'operator': 'is_null'}]})
             ->  'all of (icp_score >= 60; persona_code is null)'
-#}
{% macro gtm_audience_condition_label(node) %}
    {%- if node is none -%}
        {{ return('everyone') }}
    {%- endif -%}
    {%- if 'all' in node or 'any' in node -%}
        {%- set keyword = 'all' if 'all' in node else 'any' -%}
        {%- set parts = [] -%}
        {%- for child in node[keyword] -%}
            {%- do parts.append(gtm_audience_condition_label(child)) -%}
        {%- endfor -%}
        {{ return(keyword ~ ' of (' ~ parts | join('; ') ~ ')') }}
    {%- endif -%}
    {%- set value = node.get('value') -%}
    {%- if node.operator == 'is_null' -%}
        {{ return(node.column ~ (' is not null' if value is sameas false else ' is null')) }}
    {%- elif node.operator in ['in', 'not_in'] -%}
        {{ return(node.column ~ ' ' ~ node.operator ~ ' (' ~ value | join(', ') ~ ')') }}
    {%- elif node.operator == 'between' -%}
        {{ return(node.column ~ ' between ' ~ value[0] ~ ' and ' ~ value[1]) }}
    {%- elif node.operator == 'within_days' -%}
        {{ return(node.column ~ ' within ' ~ value ~ ' days') }}
    {%- endif -%}
    {{ return(node.column ~ ' ' ~ node.operator ~ ' ' ~ value) }}
{% endmacro %}

{#-
    gtm_split_values(value)

    Splits a criterion's `value` cell on '|' into trimmed, non-blank values.

    Example: gtm_split_values('Software | Internet')  ->  ['Software', 'Internet']
-#}
{% macro gtm_split_values(value) %}
    {%- set values = [] -%}
    {%- if value is not none -%}
        {%- for part in (value | string).split('|') if part | trim != '' -%}
            {%- do values.append(part | trim) -%}
        {%- endfor -%}
    {%- endif -%}
    {{ return(values) }}
{% endmacro %}

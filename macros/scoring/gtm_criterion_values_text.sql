{#-
    gtm_criterion_values_text(criterion)

    The values of one parsed criterion as text: its values joined with '|', or its
    range as min..max with an open end left blank, or an empty string for a criterion
    with neither (such as a yes/no parameter). The generated SQL's criterion comments
    and int_definitions__criteria both describe a criterion with it.

    Example: gtm_criterion_values_text({'values': [], 'min': 200, 'max': none})  ->  '200..'
-#}
{% macro gtm_criterion_values_text(criterion) %}
    {%- if criterion['values'] -%}
        {{ return(criterion['values'] | join('|')) }}
    {%- elif criterion.min is not none or criterion.max is not none -%}
        {{ return((gtm_format_number(criterion.min) if criterion.min is not none else '') ~ '..' ~ (gtm_format_number(criterion.max) if criterion.max is not none else '')) }}
    {%- endif -%}
    {{ return('') }}
{% endmacro %}

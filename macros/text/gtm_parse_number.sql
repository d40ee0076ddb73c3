{#-
    gtm_parse_number(expression)

    SQL expression that reads a number written as a number or as text such as
    `1,200`, ` 3 400 `, `$12.5` or `1.2e9`: separators, spaces and currency signs are
    dropped. Anything else that is not a decimal number gives NULL, never an error.

    Example: gtm_parse_number('employee_count')  ->  1200.0 for '1,200'
-#}
{% macro gtm_parse_number(expression) %}
    {%- set digits = gtm_regexp_replace(gtm_clean_text(expression), "'[,\\s$€£]'", "''") -%}
    {{ return("case when " ~ gtm_regexp_matches(digits, "'^-?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?$'") ~ " then cast(" ~ digits ~ " as " ~ gtm_type_double() ~ ") end") }}
{% endmacro %}

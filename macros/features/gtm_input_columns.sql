{#-
    gtm_input_columns(table_name)

    The columns of one raw input table (see gtm_input), as a dict from the lower-case
    column name to the adapter's column, so a staging model can pick the cheaper SQL
    for a column that already has a number type. Empty while dbt parses the project,
    and for a relation the adapter cannot describe, such as a unit test's fixture.

    Example: gtm_input_columns('people')['years_of_experience'].is_float()  ->  true
-#}
{% macro gtm_input_columns(table_name) %}
    {%- set columns = {} -%}
    {%- if execute -%}
        {%- for column in adapter.get_columns_in_relation(gtm_input(table_name)) -%}
            {%- do columns.update({column.name | lower: column}) -%}
        {%- endfor -%}
    {%- endif -%}
    {{ return(columns) }}
{% endmacro %}

{#-
    gtm_input(table_name)

    Relation of one raw input table: the bundled demo seed of that name when
    `gtm_use_demo_data` is true, else the table in the `gtm` source. Staging models
    select from it, so switching to real data is one var.

    Example: gtm_input('companies')  ->  "main_demo"."companies"   (demo data on)
-#}
{% macro gtm_input(table_name) %}
    {%- if var('gtm_use_demo_data') | as_bool -%}
        {{ return(ref(table_name)) }}
    {%- else -%}
        {{ return(source('gtm', table_name)) }}
    {%- endif -%}
{% endmacro %}

{#-
    spark__load_csv_rows(model, agate_table)

    Loads a seed's rows on Spark as escaped string literals cast to the column types.
    It replaces dbt-spark's own version (1.11), whose session connection pastes each value
    between quotes unescaped, so a value such as `Women's Health` breaks the insert.
    dbt calls it from the seed materialization; a project macro of this name takes
    precedence over the adapter's.
-#}
{% macro spark__load_csv_rows(model, agate_table) %}
    {%- set column_types = model['config'].get('column_types', {}) -%}
    {%- set statements = [] -%}

    {%- for chunk in agate_table.rows | batch(get_batch_size()) %}
        {%- set rows = [] -%}
        {%- for row in chunk -%}
            {%- set values = [] -%}
            {%- for value in row -%}
                {%- set column_name = agate_table.column_names[loop.index0] -%}
                {%- set data_type = column_types.get(column_name, adapter.convert_type(agate_table, loop.index0)) -%}
                {%- set literal = 'null' if value is none else gtm_quote(value) -%}
                {%- do values.append('cast(' ~ literal ~ ' as ' ~ data_type ~ ')') -%}
            {%- endfor -%}
            {%- do rows.append('(' ~ values | join(', ') ~ ')') -%}
        {%- endfor -%}

        {%- set sql = 'insert into ' ~ this.render() ~ ' values\n' ~ rows | join(',\n') -%}
        {%- do adapter.add_query(sql, abridge_sql_log=True) -%}
        {%- if loop.first -%}
            {%- do statements.append(sql) -%}
        {%- endif -%}
    {%- endfor %}

    {#- The first statement is what dbt writes to the compiled files. -#}
    {{ return(statements[0] if statements else '') }}
{% endmacro %}

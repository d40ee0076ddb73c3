{#-
    gtm_load_definitions()

    Load step of the definitions compiler. Reads the definition seeds (ICPs, Personas,
    criteria) and the band sets as they are in the warehouse and returns them unparsed:
    a dict with the lists `icps`, `personas`, `criteria` and `bands`, each row a dict of
    text values (blank cells are none). Returns empty lists at parse time, because the
    seeds can only be read while dbt executes; the ref() calls still register the seeds
    as parents of every model that compiles definitions.

    Unit tests replace this macro with fixture definitions through `overrides: macros`.

    Example: gtm_load_definitions()['icps'][0]['icp_code']  ->  'mid_market_saas'
-#}
{% macro gtm_load_definitions() %}
    {%- set sources = {
        'icps': ref('icps'),
        'personas': ref('personas'),
        'criteria': ref('criteria'),
        'bands': ref('bands'),
    } -%}
    {%- set loaded = {'icps': [], 'personas': [], 'criteria': [], 'bands': []} -%}
    {%- if not execute -%}
        {{ return(loaded) }}
    {%- endif -%}

    {%- for name, relation in sources.items() -%}
        {%- set table = run_query('select * from ' ~ relation) -%}
        {%- for row in table.rows -%}
            {%- set record = {} -%}
            {%- for column in table.column_names -%}
                {%- set value = row[column] -%}
                {%- if value is not none and value is string and value | trim == '' -%}
                    {%- set value = none -%}
                {%- endif -%}
                {%- do record.update({column | lower: value}) -%}
            {%- endfor -%}
            {%- do loaded[name].append(record) -%}
        {%- endfor -%}
    {%- endfor -%}
    {{ return(loaded) }}
{% endmacro %}

{#-
    gtm_grant_schema_usage()

    SQL for the on-run-end hook: grants usage on every schema that holds a mart to each
    role that the mart's `grants` config lets select from it. The grant on a table is
    not enough, because a role also needs usage on its schema to reach it. Returns an
    empty statement when no mart grants anything, and on DuckDB, which has no roles.

    Example: GTM_BI_ROLES=bi_reader  ->  grant usage on schema "main" to "bi_reader";
-#}
{% macro gtm_grant_schema_usage() %}
    {{ return(adapter.dispatch('gtm_grant_schema_usage', 'gtm_targeting')()) }}
{% endmacro %}

{% macro default__gtm_grant_schema_usage() %}
    {%- if not execute -%}
        {{ return('') }}
    {%- endif -%}
    {%- set grants = [] -%}
    {%- for node in graph.nodes.values()
        if node.resource_type == 'model' and node.original_file_path.startswith('models/marts/') -%}
        {%- for role in node.config.get('grants', {}).get('select', []) -%}
            {%- set statement = 'grant usage on schema ' ~ adapter.quote(node.schema) ~ ' to ' ~ adapter.quote(role) -%}
            {%- if statement not in grants -%}
                {%- do grants.append(statement) -%}
            {%- endif -%}
        {%- endfor -%}
    {%- endfor -%}
    {{ return(grants | sort | join(';\n') ~ (';' if grants else '')) }}
{% endmacro %}

{% macro duckdb__gtm_grant_schema_usage() %}
    {{ return('') }}
{% endmacro %}

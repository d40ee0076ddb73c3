{#-
    gtm_published_relation(model_name, required_columns=[])

    Returns the relation of a model of this project as it is in the warehouse now,
    before this run replaces it, or none when it does not exist yet, lacks one of
    `required_columns` (the key and membership columns, which a table written by an
    older version of the project may miss), or dbt is only parsing. The audience models read the published sync marts this way, without
    ref(), because the marts are built from them.

    Example: gtm_published_relation('audience_members', ['entered_at'])  ->  "gtm"."main"."audience_members"
-#}
{% macro gtm_published_relation(model_name, required_columns=[]) %}
    {%- if not execute -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set node = graph.nodes.get('model.' ~ project_name ~ '.' ~ model_name) -%}
    {%- if node is none -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set relation = adapter.get_relation(database=node.database, schema=node.schema, identifier=node.alias) -%}
    {%- if relation is none -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set present = adapter.get_columns_in_relation(relation) | map(attribute='name') | map('lower') | list -%}
    {%- for column in required_columns if column | lower not in present -%}
        {%- do exceptions.warn(
            relation ~ " has no column " ~ column ~ ", so it is treated as empty: every audience member counts as entering in this run."
        ) -%}
        {{ return(none) }}
    {%- endfor -%}
    {{ return(relation) }}
{% endmacro %}

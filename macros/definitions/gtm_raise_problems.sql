{#-
    gtm_raise_problems(subject, fix, problems)

    Raises one compiler error that lists every problem of a set of definitions, under a
    header with their count and where to fix them. Does nothing when `problems` is empty.

    Example: gtm_raise_problems('audience definitions', 'Fix them in the gtm_audiences var.', ['...'])
             ->  Invalid audience definitions: 1 problem found. Fix them in the gtm_audiences var.
-#}
{% macro gtm_raise_problems(subject, fix, problems) %}
    {%- if problems | length > 0 -%}
        {%- set message -%}
Invalid {{ subject }}: {{ problems | length }} problem{{ 's' if problems | length > 1 }} found. {{ fix }}
{%- for problem in problems %}
  - {{ problem }}
{%- endfor %}
        {%- endset -%}
        {{ exceptions.raise_compiler_error(message) }}
    {%- endif -%}
{% endmacro %}

{#-
    gtm_spark_regexp_literal(pattern)

    Rewrites a regular expression written as a SQL string literal for Spark, whose
    string literals treat a backslash as an escape character (`'\s'` reads as `s`).
    Doubling each backslash keeps the pattern that DuckDB and PostgreSQL read from the
    same literal. Only for literals written in the project's code: definition values
    go through gtm_quote instead.

    Example: gtm_spark_regexp_literal("'\\s+'")  ->  '\\s+'
-#}
{% macro gtm_spark_regexp_literal(pattern) %}
    {{ return(pattern | replace('\\', '\\\\')) }}
{% endmacro %}

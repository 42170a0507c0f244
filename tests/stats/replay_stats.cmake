# A scripted replay recorded into a data directory must give exactly the
# expected CSV; the same replay without --data records nothing, even when the
# configured data directory exists.
# Variables: KIOSK, CONTENT, EVENTS, EXPECTED (CSV), CLOCK, NAME, OUT_DIR.
set(data ${OUT_DIR}/${NAME}-data)
file(REMOVE_RECURSE ${data})
file(MAKE_DIRECTORY ${data})
execute_process(COMMAND ${KIOSK} render --page home --size 1920x1080 --content ${CONTENT}
                        --events ${EVENTS} --data ${data} --clock ${CLOCK}
                        --out ${OUT_DIR}/${NAME}.png
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "replay failed (${rc}): ${err}")
endif()
execute_process(COMMAND ${KIOSK} stats --data ${data} --csv ${OUT_DIR}/${NAME}.csv
                        --html ${OUT_DIR}/${NAME}.html --name test
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "kiosk stats failed (${rc}): ${err}")
endif()
file(READ ${OUT_DIR}/${NAME}.csv got)
file(READ ${EXPECTED} want)
if(NOT got STREQUAL want)
  message(FATAL_ERROR "the recorded visits differ from ${EXPECTED}:\n${got}")
endif()

# Without --data: a default replay is not a visit.
set(quiet ${OUT_DIR}/${NAME}-quiet)
file(REMOVE_RECURSE ${quiet})
file(MAKE_DIRECTORY ${quiet})
file(WRITE ${OUT_DIR}/${NAME}-quiet.yaml "data_dir: ${quiet}\n")
execute_process(COMMAND ${KIOSK} render --page home --size 1920x1080 --content ${CONTENT}
                        --config ${OUT_DIR}/${NAME}-quiet.yaml --events ${EVENTS}
                        --out ${OUT_DIR}/${NAME}-quiet.png
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "quiet replay failed (${rc}): ${err}")
endif()
if(EXISTS ${quiet}/stats.db)
  message(FATAL_ERROR "a replay without --data recorded statistics")
endif()
